package dev.sluice.llm.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
   * A new, empty request file at {@code path} (created, or emptied if it exists) in this provider's
   * format and within its limits, to {@link BatchFile#add add} requests to and then {@link
   * #create(BatchFile) create} a batch of.
   */
  BatchFile newFile(Path path) throws IOException;

  /**
   * Sends the requests of a file from {@link #newFile} as one batch, each answered whole as the
   * provider's chat endpoint would; the file is closed first and read from disk as it is sent. The
   * caller deletes it once the batch is created.
   *
   * @return the batch as created
   * @throws IllegalArgumentException at once, sending nothing, when the file holds no request
   */
  CompletionStage<ProviderBatch> create(BatchFile file);

  /**
   * Sends a file as one batch, as {@link #create(BatchFile)} does, marked with the caller's {@code
   * key} where the provider keeps such marks on a batch, so that {@link #createdWith} finds it
   * again after a crash lost the answer to this call. A provider that keeps none ignores the key.
   */
  default CompletionStage<ProviderBatch> create(BatchFile file, String key) {
    return create(file);
  }

  /**
   * The batch {@link #create(BatchFile, String)} made with {@code key}, if the provider made it:
   * looked for among the provider's batches created from {@code since} on, newest first. Empty when
   * there is none, and always for a provider that keeps no marks on its batches (Anthropic), where
   * a batch whose creation went unanswered cannot be told from another client's.
   */
  default CompletionStage<Optional<ProviderBatch>> createdWith(String key, Instant since) {
    return CompletableFuture.completedFuture(Optional.empty());
  }

  /**
   * Sends a few requests as one batch, through a temporary file; for batches that fit in memory
   * anyway (a large one is written with {@link #newFile} as it is read).
   *
   * @return the batch as created
   * @throws IllegalArgumentException at once, sending nothing, when the batch is empty, uses a
   *     custom id twice, or holds more requests or bytes than {@link #limits()}
   */
  default CompletionStage<ProviderBatch> create(List<BatchRequest> requests) {
    limits().checkRequests(requests);
    Path temporary;
    try {
      temporary = Files.createTempFile("sluice-batch-", ".jsonl");
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new UncheckedIOException(e));
    }
    try (BatchFile file = newFile(temporary)) {
      for (BatchRequest request : requests) {
        if (!file.add(request)) {
          throw new IllegalArgumentException(
              "the requests are more than the "
                  + limits().maxBytes()
                  + " bytes a batch may upload");
        }
      }
      return create(file).whenComplete((created, failure) -> deleteQuietly(temporary));
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temporary);
      if (e instanceof IllegalArgumentException refused) {
        throw refused;
      }
      return CompletableFuture.failedFuture(e);
    }
  }

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

  /**
   * Downloads the results of an ended batch to {@code file} (created, or emptied if it exists), as
   * they arrive: the provider's lines as they are (for OpenAI, its output file, then its error
   * file), to be read one at a time with {@link #result(String)}, so that collecting them can be
   * checkpointed by line and memory holds one. A batch that failed its validation has none: the
   * file is left empty.
   *
   * @throws IllegalArgumentException at once when the snapshot has not ended or is of another
   *     provider
   */
  CompletionStage<Void> download(ProviderBatch batch, Path file);

  /**
   * One line of a file from {@link #download}.
   *
   * @throws dev.sluice.llm.LlmException a malformed answer, when the line is not one of the
   *     provider's results
   */
  BatchResult result(String line);

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file left behind; the system's temporary directory is cleaned anyway.
    }
  }
}
