/**
 * Document batches on Jakarta Batch: the batch and its frozen selection of documents, the
 * partitioned chunk step that analyses them (mapper, reader, writer), exactly-once results,
 * progress and the end-of-job listener.
 */
package dev.sluice.documents.batch;
