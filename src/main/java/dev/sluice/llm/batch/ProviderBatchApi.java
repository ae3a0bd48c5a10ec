package dev.sluice.llm.batch;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One provider's batch API, the same for every provider. Every call returns at once; its stage
 * completes on the HTTP client's threads. A failed call completes its stage with an {@link
 * dev.sluice.llm.LlmException} classified as for chat calls (authentication, rate limit with its
 * not-before instant, server error...), its message free of the key.
 */
public interface ProviderBatchApi {

  /** How much one batch may hold. */
  BatchLimits limits();

  /**
   * Sends the requests as one batch, each answered whole as the provider's chat endpoint would.
   *
   * @return the batch as created
   * @throws IllegalArgumentException at once, sending nothing, when the batch is empty, uses a
   *     custom id twice, or holds more requests or bytes than {@link #limits()}
   */
  CompletionStage<ProviderBatch> create(List<BatchRequest> requests);

  /** The batch as it stands now. */
  CompletionStage<ProviderBatch> status(ProviderBatch batch);

  /**
   * Asks the provider to cancel the batch: requests that finished keep their results, the others
   * become {@link BatchResult.Outcome#CANCELLED} once the batch has ended.
   *
   * @return the batch as the cancel left it, usually {@link ProviderBatch.Status#CANCELLING}
   */
  CompletionStage<ProviderBatch> cancel(ProviderBatch batch);

  /**
   * Streams the results of an ended batch, one per request, to {@code each}: called one result at a
   * time, in the provider's order, on the HTTP client's threads, as the lines arrive; the results
   * are never all held in memory. The stage completes after the last; it fails with what {@code
   * each} threw, and the download stops, if {@code each} throws. A batch that {@link
   * ProviderBatch.Status#FAILED} its validation has no results.
   *
   * @param batch a snapshot of the batch taken after it ended (from {@link #status})
   * @throws IllegalArgumentException at once when the snapshot has not ended or is of another
   *     provider
   */
  CompletionStage<Void> results(ProviderBatch batch, Consumer<BatchResult> each);
}
