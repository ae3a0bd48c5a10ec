/**
 * {@code /api/batches}: submit a document batch, follow it, stop and restart it, read its results.
 */
package dev.sluice.documents.batch.rest;
