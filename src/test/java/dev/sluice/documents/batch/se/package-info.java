/**
 * Batch tests out of the container: the real {@code document-analysis} job on JBeret SE with its
 * artifacts from Weld SE, an in-memory store whose writes follow the chunk transactions, and a fake
 * analyzer.
 */
package dev.sluice.documents.batch.se;
