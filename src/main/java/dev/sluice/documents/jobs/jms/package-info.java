/**
 * The document job queue on JMS ({@code DocumentJobs}, apart from the chat jobs): the sending
 * adapter and the message-driven bean that hands each delivered job to the runner.
 */
package dev.sluice.documents.jobs.jms;
