package dev.sluice.llm.batch;

import dev.sluice.llm.ProviderType;
import dev.sluice.llm.http.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Objects;

/**
 * A batch at the provider as last seen: its state, its request counts as the provider reports them,
 * and what is needed to fetch its results. Small and immutable; {@link #toJson()} and {@link
 * #fromJson(String)} keep it between two polls.
 *
 * <p>OpenAI counts only completed and failed requests: while it runs, the rest are {@code
 * processing}; once it has expired or been cancelled, the rest are {@code expired} or {@code
 * cancelled}.
 *
 * @param type the protocol of the provider that holds the batch
 * @param id the provider's id of the batch
 * @param status where the batch stands
 * @param total requests in the batch
 * @param succeeded requests answered
 * @param errored requests the provider answered with an error
 * @param expired requests that will not run because the batch expired
 * @param cancelled requests that will not run because the batch was cancelled
 * @param processing requests not finished yet
 * @param createdAt when the provider created the batch
 * @param endedAt when it ended, or null while it runs
 * @param outputFileId OpenAI: the file of answered requests, once ended; null otherwise
 * @param errorFileId OpenAI: the file of failed and never-run requests, once ended; null otherwise
 * @param resultsUrl Anthropic: where the results are, once ended; null otherwise
 */
public record ProviderBatch(
    ProviderType type,
    String id,
    Status status,
    int total,
    int succeeded,
    int errored,
    int expired,
    int cancelled,
    int processing,
    Instant createdAt,
    Instant endedAt,
    String outputFileId,
    String errorFileId,
    String resultsUrl) {

  /** Where a batch stands, the same for every provider. */
  public enum Status {
    VALIDATING,
    IN_PROGRESS,
    FINALIZING,
    CANCELLING,
    COMPLETED,
    EXPIRED,
    CANCELLED,
    FAILED;

    /** Whether the batch has ended: nothing will change any more and its results can be read. */
    public boolean ended() {
      return this == COMPLETED || this == EXPIRED || this == CANCELLED || this == FAILED;
    }
  }

  public ProviderBatch {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
  }

  /** The snapshot as a small JSON object; null fields are left out. */
  public String toJson() {
    JsonObjectBuilder json =
        JsonSupport.object()
            .add("type", type.name())
            .add("id", id)
            .add("status", status.name())
            .add("total", total)
            .add("succeeded", succeeded)
            .add("errored", errored)
            .add("expired", expired)
            .add("cancelled", cancelled)
            .add("processing", processing);
    addIfSet(json, "createdAt", createdAt == null ? null : createdAt.toString());
    addIfSet(json, "endedAt", endedAt == null ? null : endedAt.toString());
    addIfSet(json, "outputFileId", outputFileId);
    addIfSet(json, "errorFileId", errorFileId);
    addIfSet(json, "resultsUrl", resultsUrl);
    return JsonSupport.write(json.build());
  }

  /**
   * Reads what {@link #toJson()} wrote.
   *
   * @throws IllegalArgumentException when the text is not such a snapshot
   */
  public static ProviderBatch fromJson(String text) {
    try {
      JsonObject json = JsonSupport.parseObject(text);
      return new ProviderBatch(
          ProviderType.valueOf(JsonSupport.string(json, "type")),
          JsonSupport.string(json, "id"),
          Status.valueOf(JsonSupport.string(json, "status")),
          count(json, "total"),
          count(json, "succeeded"),
          count(json, "errored"),
          count(json, "expired"),
          count(json, "cancelled"),
          count(json, "processing"),
          instant(JsonSupport.string(json, "createdAt")),
          instant(JsonSupport.string(json, "endedAt")),
          JsonSupport.string(json, "outputFileId"),
          JsonSupport.string(json, "errorFileId"),
          JsonSupport.string(json, "resultsUrl"));
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a provider batch: " + e.getMessage(), e);
    }
  }

  /** A count of a provider's JSON, as an int (no batch holds more than a few hundred thousand). */
  static int count(JsonObject json, String key) {
    return (int) Math.min(Integer.MAX_VALUE, JsonSupport.count(json, key));
  }

  private static Instant instant(String value) {
    return value == null ? null : Instant.parse(value);
  }

  private static void addIfSet(JsonObjectBuilder json, String key, String value) {
    if (value != null) {
      json.add(key, value);
    }
  }
}
