/**
 * The one job pipeline of Sluice: a durable outbox row written with the work, a batched
 * non-persistent JMS wake-up after commit, a sweep that wakes jobs whose wake-up was lost, and the
 * message-driven delivery that hands a job to its {@link dev.sluice.platform.messaging.JobKind}.
 */
package dev.sluice.platform.messaging;
