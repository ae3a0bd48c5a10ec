/** The webhook a batch may name: called with a summary when the batch ends, retried on failure. */
package dev.sluice.documents.batch.webhook;
