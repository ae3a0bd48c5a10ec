package dev.sluice.llm.batch;

import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.http.JsonSupport;
import dev.sluice.llm.openai.MultipartForm;
import dev.sluice.llm.openai.OpenAiCompletionReader;
import dev.sluice.llm.openai.OpenAiProvider;
import dev.sluice.llm.openai.OpenAiRequestWriter;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * OpenAI's Batch API: the requests go up as a JSON Lines input file ({@code POST /files}, purpose
 * {@code batch}), a batch of it is created ({@code POST /batches}, window 24h), and the results
 * come down as its output file (answered requests) and error file (failed, expired or cancelled).
 * Each line's body is exactly the Chat Completions body the adapter writes, unstreamed.
 */
public final class OpenAiBatchApi extends HttpBatchApi {

  static final String ENDPOINT = "/v1/chat/completions";

  /** The metadata field that carries the caller's key of a batch. */
  static final String KEY_FIELD = "sluice_key";

  /** Batches per page when looking for one by its key: the API's largest page. */
  private static final int LIST_PAGE = 100;

  private final int listPage;

  /**
   * A client on the provider's HTTP client.
   *
   * @param limits {@link BatchLimits#OPENAI}, or a compatible server's (or a test's) smaller ones
   */
  public OpenAiBatchApi(ProviderSettings settings, HttpClient client, BatchLimits limits) {
    this(settings, client, limits, LIST_PAGE);
  }

  /** A client that lists batches {@code listPage} at a time (a test's small pages). */
  OpenAiBatchApi(ProviderSettings settings, HttpClient client, BatchLimits limits, int listPage) {
    super(settings, client, limits);
    this.listPage = listPage;
  }

  @Override
  public BatchFile newFile(Path path) throws IOException {
    return new BatchFile(path, limits(), 0, "", OpenAiBatchApi::line);
  }

  /** One line of the input file: the Chat Completions body with its custom id. */
  private static String line(BatchRequest request) {
    return JsonSupport.write(
            JsonSupport.object()
                .add("custom_id", request.customId())
                .add("method", "POST")
                .add("url", ENDPOINT)
                .add("body", OpenAiRequestWriter.unstreamed(request.request()))
                .build())
        + "\n";
  }

  @Override
  public CompletionStage<ProviderBatch> create(BatchFile file) {
    return create(file, null);
  }

  @Override
  public CompletionStage<ProviderBatch> create(BatchFile file, String key) {
    HttpRequest.BodyPublisher body;
    MultipartForm form = new MultipartForm().field("purpose", "batch");
    try {
      BatchHttp.closeForSending(file);
      body = form.publisher("file", "sluice-batch.jsonl", "application/jsonl", file.path());
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new UncheckedIOException(e));
    }
    HttpRequest.Builder upload =
        OpenAiProvider.request(settings, "/files")
            .header("Content-Type", form.contentType())
            .POST(body);
    return http.json(upload, uploaded -> BatchHttp.required(uploaded, "id"))
        .thenCompose(fileId -> createBatch(fileId, key));
  }

  private CompletableFuture<ProviderBatch> createBatch(String fileId, String key) {
    JsonObjectBuilder create =
        JsonSupport.object()
            .add("input_file_id", fileId)
            .add("endpoint", ENDPOINT)
            .add("completion_window", "24h");
    if (key != null) {
      create.add("metadata", JsonSupport.object().add(KEY_FIELD, key));
    }
    HttpRequest.Builder request =
        OpenAiProvider.request(settings, "/batches")
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JsonSupport.write(create.build()), StandardCharsets.UTF_8));
    return http.json(request, OpenAiBatchApi::snapshot);
  }

  /**
   * Pages through the account's batches, newest first ({@code GET /batches}), until one carries the
   * key in its metadata or they are older than {@code since}.
   */
  @Override
  public CompletionStage<Optional<ProviderBatch>> createdWith(String key, Instant since) {
    return createdWith(key, since, null);
  }

  private CompletableFuture<Optional<ProviderBatch>> createdWith(
      String key, Instant since, String after) {
    String query = "?limit=" + listPage + (after == null ? "" : "&after=" + encode(after));
    return http.json(
            OpenAiProvider.request(settings, "/batches" + query).GET(),
            page -> Search.of(page, key, since))
        .thenCompose(
            search ->
                search.next() == null
                    ? CompletableFuture.completedFuture(search.found())
                    : createdWith(key, since, search.next()));
  }

  /** What one page of the batches list gave: the batch looked for, or the page to read next. */
  private record Search(Optional<ProviderBatch> found, String next) {

    static Search of(JsonObject page, String key, Instant since) {
      String last = null;
      for (JsonObject batch : page.getJsonArray("data").getValuesAs(JsonObject.class)) {
        if (key.equals(JsonSupport.string(JsonSupport.child(batch, "metadata"), KEY_FIELD))) {
          return new Search(Optional.of(snapshot(batch)), null);
        }
        Instant created = seconds(batch, "created_at");
        if (created != null && created.isBefore(since)) {
          return new Search(Optional.empty(), null);
        }
        last = BatchHttp.required(batch, "id");
      }
      boolean more = page.getBoolean("has_more", false) && last != null;
      return new Search(Optional.empty(), more ? last : null);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public CompletionStage<ProviderBatch> status(ProviderBatch batch) {
    BatchHttp.check(batch, ProviderType.OPENAI, false);
    return http.json(
        OpenAiProvider.request(settings, "/batches/" + batch.id()).GET(), OpenAiBatchApi::snapshot);
  }

  @Override
  public CompletionStage<ProviderBatch> cancel(ProviderBatch batch) {
    BatchHttp.check(batch, ProviderType.OPENAI, false);
    return http.json(
        OpenAiProvider.request(settings, "/batches/" + batch.id() + "/cancel")
            .POST(HttpRequest.BodyPublishers.noBody()),
        OpenAiBatchApi::snapshot);
  }

  @Override
  public CompletionStage<Void> results(ProviderBatch batch, Consumer<BatchResult> each) {
    BatchHttp.check(batch, ProviderType.OPENAI, true);
    return file(batch.outputFileId(), each).thenCompose(done -> file(batch.errorFileId(), each));
  }

  @Override
  public CompletionStage<Void> download(ProviderBatch batch, Path file) {
    BatchHttp.check(batch, ProviderType.OPENAI, true);
    return fileTo(batch.outputFileId(), file, false)
        .thenCompose(done -> fileTo(batch.errorFileId(), file, true));
  }

  /** Writes a file's content to {@code file}; with no file, only empties it (unless appending). */
  private CompletableFuture<Void> fileTo(String fileId, Path file, boolean append) {
    if (fileId == null) {
      try {
        if (!append) {
          Files.write(file, new byte[0]);
        }
        return CompletableFuture.completedFuture(null);
      } catch (IOException e) {
        return CompletableFuture.failedFuture(new UncheckedIOException(e));
      }
    }
    return http.download(
        OpenAiProvider.request(settings, "/files/" + fileId + "/content"), file, append);
  }

  private CompletableFuture<Void> file(String fileId, Consumer<BatchResult> each) {
    if (fileId == null) {
      return CompletableFuture.completedFuture(null);
    }
    return http.lines(
        OpenAiProvider.request(settings, "/files/" + fileId + "/content"), this::result, each);
  }

  /** One line of an output or error file. */
  BatchResult result(JsonObject line) {
    String customId = BatchHttp.required(line, "custom_id");
    JsonObject response = JsonSupport.child(line, "response");
    if (response != null) {
      long status = response.get("status_code") instanceof JsonNumber n ? n.longValue() : 0;
      JsonObject body = JsonSupport.child(response, "body");
      if (status / 100 == 2) {
        return BatchResult.succeeded(
            customId,
            OpenAiCompletionReader.read(
                body, settings.name(), JsonSupport.string(response, "request_id")));
      }
      return BatchResult.failed(
          customId, BatchResult.Outcome.ERRORED, http.reason("HTTP " + status, body));
    }
    JsonObject error = JsonSupport.child(line, "error");
    BatchResult.Outcome outcome =
        switch (String.valueOf(JsonSupport.string(error, "code"))) {
          case "batch_expired" -> BatchResult.Outcome.EXPIRED;
          case "batch_cancelled" -> BatchResult.Outcome.CANCELLED;
          default -> BatchResult.Outcome.ERRORED;
        };
    return BatchResult.failed(customId, outcome, http.reason("not run", error));
  }

  /** A batch object as a snapshot. */
  static ProviderBatch snapshot(JsonObject batch) {
    ProviderBatch.Status status = status(BatchHttp.required(batch, "status"));
    JsonObject counts = JsonSupport.child(batch, "request_counts");
    int total = ProviderBatch.count(counts, "total");
    int succeeded = ProviderBatch.count(counts, "completed");
    int failed = ProviderBatch.count(counts, "failed");
    int rest = Math.max(0, total - succeeded - failed);
    Instant ended = null;
    for (String key : List.of("completed_at", "expired_at", "cancelled_at", "failed_at")) {
      if (ended == null) {
        ended = seconds(batch, key);
      }
    }
    return new ProviderBatch(
        ProviderType.OPENAI,
        BatchHttp.required(batch, "id"),
        status,
        total,
        succeeded,
        failed,
        status == ProviderBatch.Status.EXPIRED ? rest : 0,
        status == ProviderBatch.Status.CANCELLED ? rest : 0,
        status.ended() ? 0 : rest,
        seconds(batch, "created_at"),
        ended,
        JsonSupport.string(batch, "output_file_id"),
        JsonSupport.string(batch, "error_file_id"),
        null);
  }

  private static ProviderBatch.Status status(String status) {
    return switch (status) {
      case "validating" -> ProviderBatch.Status.VALIDATING;
      case "in_progress" -> ProviderBatch.Status.IN_PROGRESS;
      case "finalizing" -> ProviderBatch.Status.FINALIZING;
      case "cancelling" -> ProviderBatch.Status.CANCELLING;
      case "completed" -> ProviderBatch.Status.COMPLETED;
      case "expired" -> ProviderBatch.Status.EXPIRED;
      case "cancelled" -> ProviderBatch.Status.CANCELLED;
      case "failed" -> ProviderBatch.Status.FAILED;
      default -> throw new IllegalArgumentException("unknown batch status '" + status + "'");
    };
  }

  private static Instant seconds(JsonObject json, String key) {
    return json.get(key) instanceof JsonNumber n ? Instant.ofEpochSecond(n.longValue()) : null;
  }
}
