/**
 * Provider-neutral clients of the providers' own batch APIs, where a request costs half the price
 * and is answered within a day: {@link dev.sluice.llm.batch.ProviderBatchApi} creates a batch of
 * {@link dev.sluice.llm.batch.BatchRequest}s, follows it as a {@link
 * dev.sluice.llm.batch.ProviderBatch} snapshot (small JSON, for a job to keep between polls),
 * cancels it, and streams its {@link dev.sluice.llm.batch.BatchResult}s line by line in bounded
 * memory. {@link dev.sluice.llm.batch.ProviderBatchApis} picks the implementation for a configured
 * provider: OpenAI's Files and Batch APIs, or Anthropic's Message Batches. Plain classes, no CDI;
 * every call is non-blocking on the provider's {@link java.net.http.HttpClient}.
 */
package dev.sluice.llm.batch;
