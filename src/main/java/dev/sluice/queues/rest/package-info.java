/**
 * The console's REST view of the job queues ({@code /api/admin/queues}): depths, failed jobs, and
 * retrying or dropping one.
 */
package dev.sluice.queues.rest;
