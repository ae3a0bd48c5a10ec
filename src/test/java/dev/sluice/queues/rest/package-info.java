/** Unit tests of the queue console's request parsing. */
package dev.sluice.queues.rest;
