/**
 * The document jobs' message-driven bean: it hands each wake-up from the {@code DocumentJobs} queue
 * to the runner. Sending, the outbox and its sweep are the platform's job pipeline.
 */
package dev.sluice.documents.jobs.jms;
