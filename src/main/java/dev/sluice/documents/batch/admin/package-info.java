/**
 * The operator's view of document batches: every user's batches with filters and keyset pages, a
 * batch's failed results, abandoning a batch for good, and Liberty's job log of its latest run.
 */
package dev.sluice.documents.batch.admin;
