/**
 * The non-blocking HTTP streaming engine every wire adapter shares: UTF-8 and Server-Sent Events
 * decoding, rate-limit and retry headers, error classification with secrets redacted, and the call
 * that ties a {@link java.net.http.HttpClient} exchange to a {@link
 * dev.sluice.llm.StreamAccumulator} with timeouts that never hold a thread.
 */
package dev.sluice.llm.http;
