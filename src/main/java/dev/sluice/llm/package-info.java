/**
 * The provider port: what Sluice asks of any LLM (a {@link dev.sluice.llm.ChatRequest}), what it
 * hears back while the answer streams ({@link dev.sluice.llm.StreamEvent}) and at the end ({@link
 * dev.sluice.llm.ChatResult}), one error taxonomy for every provider, the model catalog with
 * prices, and the managed threads adapters run on ({@link dev.sluice.llm.ProviderRuntime}).
 * Adapters for each wire protocol live in sub-packages.
 */
package dev.sluice.llm;
