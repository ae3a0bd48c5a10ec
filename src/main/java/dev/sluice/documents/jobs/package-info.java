/**
 * Single-document processing: an upload that asks for analyses ({@code ?analyze=...}) stores a run
 * of its own and its job in the upload's transaction; a wake-up goes to the JMS queue once that
 * commits, and the runner analyses the document through the gate and records each outcome.
 */
package dev.sluice.documents.jobs;
