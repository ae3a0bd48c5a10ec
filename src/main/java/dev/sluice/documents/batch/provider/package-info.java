/**
 * Provider mode (issue 16): a document batch run through a provider's own batch API at its batch
 * price. The {@code document-analysis} job's writer hands each batchable (document, analysis) to
 * {@link dev.sluice.documents.batch.provider.SubmittedAnalysis} rows instead of calling; its {@code
 * submit} step writes them to request files and creates the provider batches ({@link
 * dev.sluice.documents.batch.provider.ProviderBatchSubmitter}); the job then ends with the batch
 * {@code WAITING}. {@link dev.sluice.documents.batch.provider.ProviderBatchPoller} follows each
 * provider batch and, when it ends, starts the {@code provider-batch-collect} job, which turns its
 * results into the batch's results, each exactly once.
 */
package dev.sluice.documents.batch.provider;
