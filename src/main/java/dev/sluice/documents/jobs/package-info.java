/**
 * Single-document processing: an upload that asks for analyses ({@code ?analyze=...}) stores a run
 * of its own and a document job in the upload's transaction; the job goes through an outbox to its
 * JMS queue, and the runner analyses the document through the gate and records each outcome.
 */
package dev.sluice.documents.jobs;
