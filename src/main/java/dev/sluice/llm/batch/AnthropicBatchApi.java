package dev.sluice.llm.batch;

import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.anthropic.AnthropicMessageReader;
import dev.sluice.llm.anthropic.AnthropicProvider;
import dev.sluice.llm.anthropic.AnthropicRequestWriter;
import dev.sluice.llm.http.JsonSupport;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Anthropic's Message Batches API: the requests go up in one body ({@code POST /messages/batches}),
 * each with the Messages body the adapter writes, unstreamed, as its {@code params}; the results
 * come down as JSON Lines from the batch's results URL.
 */
public final class AnthropicBatchApi extends HttpBatchApi {

  private static final String PATH = "/messages/batches";

  /**
   * A client on the provider's HTTP client.
   *
   * @param limits {@link BatchLimits#ANTHROPIC}, or a compatible server's (or a test's) smaller
   *     ones
   */
  public AnthropicBatchApi(ProviderSettings settings, HttpClient client, BatchLimits limits) {
    super(settings, client, limits);
  }

  private static final String OPENING = "{\"requests\":[";
  private static final String CLOSING = "]}";

  /** The file holds the body's array items, comma-separated; the upload adds the rest. */
  @Override
  public BatchFile newFile(Path path) throws IOException {
    long framing = OPENING.length() + CLOSING.length();
    return new BatchFile(path, limits(), framing, ",\n", this::item);
  }

  /** One item of the body: the Messages body as its params, with its custom id. */
  private String item(BatchRequest request) {
    return JsonSupport.write(
        JsonSupport.object()
            .add("custom_id", request.customId())
            .add(
                "params",
                AnthropicRequestWriter.unstreamed(
                    request.request(), settings.defaultMaxOutputTokens()))
            .build());
  }

  @Override
  public CompletionStage<ProviderBatch> create(BatchFile file) {
    HttpRequest.BodyPublisher body;
    try {
      BatchHttp.closeForSending(file);
      body =
          HttpRequest.BodyPublishers.concat(
              HttpRequest.BodyPublishers.ofString(OPENING),
              HttpRequest.BodyPublishers.ofFile(file.path()),
              HttpRequest.BodyPublishers.ofString(CLOSING));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new UncheckedIOException(e));
    }
    HttpRequest.Builder request =
        AnthropicProvider.request(settings, PATH)
            .header("content-type", "application/json")
            .POST(body);
    return http.json(request, AnthropicBatchApi::snapshot);
  }

  @Override
  public CompletionStage<ProviderBatch> status(ProviderBatch batch) {
    BatchHttp.check(batch, ProviderType.ANTHROPIC, false);
    return http.json(
        AnthropicProvider.request(settings, PATH + "/" + batch.id()).GET(),
        AnthropicBatchApi::snapshot);
  }

  @Override
  public CompletionStage<ProviderBatch> cancel(ProviderBatch batch) {
    BatchHttp.check(batch, ProviderType.ANTHROPIC, false);
    return http.json(
        AnthropicProvider.request(settings, PATH + "/" + batch.id() + "/cancel")
            .POST(HttpRequest.BodyPublishers.noBody()),
        AnthropicBatchApi::snapshot);
  }

  @Override
  public CompletionStage<Void> results(ProviderBatch batch, Consumer<BatchResult> each) {
    BatchHttp.check(batch, ProviderType.ANTHROPIC, true);
    return http.lines(resultsRequest(batch), this::result, each);
  }

  @Override
  public CompletionStage<Void> download(ProviderBatch batch, Path file) {
    BatchHttp.check(batch, ProviderType.ANTHROPIC, true);
    return http.download(resultsRequest(batch), file, false);
  }

  /**
   * The batch's results URL when it is on the configured API's host; otherwise, and when there is
   * none, the results path under the base URL. The key goes only where the base URL points.
   */
  private HttpRequest.Builder resultsRequest(ProviderBatch batch) {
    URI base = AnthropicProvider.base(settings);
    if (batch.resultsUrl() != null) {
      URI url = URI.create(batch.resultsUrl());
      if (Objects.equals(url.getScheme(), base.getScheme())
          && Objects.equals(url.getRawAuthority(), base.getRawAuthority())) {
        return AnthropicProvider.request(settings, url);
      }
    }
    return AnthropicProvider.request(settings, PATH + "/" + batch.id() + "/results");
  }

  /** One line of the results. */
  BatchResult result(JsonObject line) {
    String customId = BatchHttp.required(line, "custom_id");
    JsonObject result = JsonSupport.child(line, "result");
    String type = BatchHttp.required(result, "type");
    return switch (type) {
      case "succeeded" ->
          BatchResult.succeeded(
              customId,
              AnthropicMessageReader.read(JsonSupport.child(result, "message"), settings.name()));
      case "errored" ->
          BatchResult.failed(
              customId,
              BatchResult.Outcome.ERRORED,
              http.reason("errored", JsonSupport.child(result, "error")));
      case "expired" ->
          BatchResult.failed(
              customId, BatchResult.Outcome.EXPIRED, "the batch expired before the request ran");
      case "canceled" ->
          BatchResult.failed(
              customId,
              BatchResult.Outcome.CANCELLED,
              "the batch was cancelled before the request ran");
      default -> throw new IllegalArgumentException("unknown result type '" + type + "'");
    };
  }

  /** A message batch object as a snapshot. */
  static ProviderBatch snapshot(JsonObject batch) {
    JsonObject counts = JsonSupport.child(batch, "request_counts");
    int processing = ProviderBatch.count(counts, "processing");
    int succeeded = ProviderBatch.count(counts, "succeeded");
    int errored = ProviderBatch.count(counts, "errored");
    int cancelled = ProviderBatch.count(counts, "canceled");
    int expired = ProviderBatch.count(counts, "expired");
    String processingStatus = BatchHttp.required(batch, "processing_status");
    ProviderBatch.Status status =
        switch (processingStatus) {
          case "in_progress" -> ProviderBatch.Status.IN_PROGRESS;
          case "canceling" -> ProviderBatch.Status.CANCELLING;
          case "ended" -> endedStatus(batch, expired);
          default ->
              throw new IllegalArgumentException(
                  "unknown processing status '" + processingStatus + "'");
        };
    return new ProviderBatch(
        ProviderType.ANTHROPIC,
        BatchHttp.required(batch, "id"),
        status,
        processing + succeeded + errored + cancelled + expired,
        succeeded,
        errored,
        expired,
        cancelled,
        processing,
        instant(JsonSupport.string(batch, "created_at")),
        instant(JsonSupport.string(batch, "ended_at")),
        null,
        null,
        JsonSupport.string(batch, "results_url"));
  }

  /** Anthropic says only "ended": cancelled if a cancel was asked for, expired if any expired. */
  private static ProviderBatch.Status endedStatus(JsonObject batch, int expired) {
    if (JsonSupport.string(batch, "cancel_initiated_at") != null) {
      return ProviderBatch.Status.CANCELLED;
    }
    return expired > 0 ? ProviderBatch.Status.EXPIRED : ProviderBatch.Status.COMPLETED;
  }

  private static Instant instant(String value) {
    return value == null ? null : Instant.parse(value);
  }
}
