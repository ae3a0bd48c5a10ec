package dev.sluice.llm.batch;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How much one batch may hold; a caller splits larger selections.
 *
 * @param maxRequests requests in one batch
 * @param maxBytes bytes of what is uploaded: OpenAI's JSON Lines input file, Anthropic's body
 */
public record BatchLimits(int maxRequests, long maxBytes) {

  private static final long MIB = 1024L * 1024L;

  /** OpenAI: 50,000 requests and 200 MB per input file. */
  public static final BatchLimits OPENAI = new BatchLimits(50_000, 200 * MIB);

  /** Anthropic: 100,000 requests and 256 MB per message batch. */
  public static final BatchLimits ANTHROPIC = new BatchLimits(100_000, 256 * MIB);

  public BatchLimits {
    if (maxRequests < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("batch limits must be positive");
    }
  }

  /** These limits, with at most {@code requests} requests (a smaller cap the operator chose). */
  public BatchLimits capped(int requests) {
    return new BatchLimits(Math.min(maxRequests, requests), maxBytes);
  }

  /**
   * Refuses a batch that is empty, holds more requests than allowed, or uses a custom id twice.
   *
   * @throws IllegalArgumentException saying which
   */
  void checkRequests(List<BatchRequest> requests) {
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one request");
    }
    if (requests.size() > maxRequests) {
      throw new IllegalArgumentException(
          "a batch may hold " + maxRequests + " requests, not " + requests.size());
    }
    Set<String> ids = new HashSet<>();
    for (BatchRequest request : requests) {
      if (!ids.add(request.customId())) {
        throw new IllegalArgumentException("custom id '" + request.customId() + "' is used twice");
      }
    }
  }

  /**
   * Refuses a batch whose upload is larger than allowed.
   *
   * @throws IllegalArgumentException saying by how much
   */
  void checkBytes(long bytes) {
    if (bytes > maxBytes) {
      throw new IllegalArgumentException("a batch may upload " + maxBytes + " bytes, not " + bytes);
    }
  }
}
