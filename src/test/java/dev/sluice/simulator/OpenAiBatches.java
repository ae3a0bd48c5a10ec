package dev.sluice.simulator;

import dev.sluice.platform.config.Durations;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI's Files and Batch APIs, as much of them as batches of chat completions need: upload a JSON
 * Lines input file ({@code POST /v1/files}, multipart, purpose {@code batch}), read a file or its
 * bytes, create a batch of it, read, list and cancel batches. Each line is answered as {@code POST
 * /v1/chat/completions} would answer its body; answers go to the output file, failed lines (with
 * their status and error body) and lines never run (expired or cancelled) to the error file. A
 * batch's progress follows the clock ({@link SimulatedBatch}); {@code metadata.sim_processing_time}
 * ("500ms", "3s") sets one batch's processing time.
 */
final class OpenAiBatches {

  /** The only endpoint the simulator batches. */
  static final String ENDPOINT = "/v1/chat/completions";

  private static final long DAY_SECONDS = 86_400;
  private static final Pattern FILE = Pattern.compile("/v1/files/([^/]+)(/content)?");
  private static final Pattern BATCH = Pattern.compile("/v1/batches/([^/]+)(/cancel)?");

  private final OpenAiEndpoint chat;

  OpenAiBatches(OpenAiEndpoint chat) {
    this.chat = chat;
  }

  /** Answers a Files or Batch API request; false, answering nothing, for any other request. */
  boolean handle(Exchange exchange) {
    HttpServerRequest request = exchange.request();
    String path = request.path();
    HttpMethod method = request.method();
    Matcher file = FILE.matcher(path);
    Matcher batch = BATCH.matcher(path);
    if (method == HttpMethod.POST && path.equals("/v1/files")) {
      upload(exchange);
    } else if (method == HttpMethod.GET && file.matches()) {
      file(exchange, file.group(1), file.group(2) != null);
    } else if (method == HttpMethod.POST && path.equals("/v1/batches")) {
      request.body().onSuccess(body -> create(exchange, body));
    } else if (method == HttpMethod.GET && path.equals("/v1/batches")) {
      list(exchange);
    } else if (method == HttpMethod.GET && batch.matches() && batch.group(2) == null) {
      retrieve(exchange, batch.group(1));
    } else if (method == HttpMethod.POST && batch.matches() && batch.group(2) != null) {
      cancel(exchange, batch.group(1));
    } else {
      return false;
    }
    return true;
  }

  private void upload(Exchange exchange) {
    HttpServerRequest request = exchange.request();
    long max = exchange.state().batches().settings().openAiMaxBytes();
    Buffer content = Buffer.buffer();
    long[] size = {0};
    String[] filename = {null};
    request.setExpectMultipart(true);
    request.uploadHandler(
        upload -> {
          if ("file".equals(upload.name())) {
            filename[0] = upload.filename();
            upload.handler(
                chunk -> {
                  size[0] += chunk.length();
                  // Past the limit the rest is only counted; the upload is refused at its end.
                  if (size[0] <= max) {
                    content.appendBuffer(chunk);
                  }
                });
          }
        });
    request.endHandler(v -> uploaded(exchange, filename[0], content, size[0]));
  }

  private void uploaded(Exchange exchange, String filename, Buffer content, long size) {
    BatchStore store = exchange.state().batches();
    BatchSettings settings = store.settings();
    String purpose = exchange.request().getFormAttribute("purpose");
    if (filename == null || purpose == null) {
      exchange.json(400, invalid("'file' and 'purpose' are required multipart fields.", "file"));
      return;
    }
    if (!purpose.equals("batch")) {
      exchange.json(400, invalid("The simulator keeps only files of purpose 'batch'.", "purpose"));
      return;
    }
    if (size > settings.openAiMaxBytes()) {
      exchange.json(
          400,
          invalid(
              "The file is "
                  + size
                  + " bytes; a batch input file may be at most "
                  + settings.openAiMaxBytes()
                  + " bytes.",
              "file"));
      return;
    }
    try {
      requests(content, settings.openAiMaxRequests());
    } catch (IllegalArgumentException e) {
      exchange.json(400, invalid(e.getMessage(), "file"));
      return;
    }
    String id = "file-sim" + store.nextSequence();
    BatchStore.StoredFile file =
        new BatchStore.StoredFile(id, filename, "batch", store.now() / 1000, content);
    store.putFile(file);
    exchange.json(200, fileObject(file));
  }

  /**
   * The requests of an input file, one a line (blank lines skipped). An {@link
   * IllegalArgumentException} names the first wrong line and what is wrong with it.
   */
  static List<JsonObject> requests(Buffer content, int maxRequests) {
    String[] lines = content.toString(StandardCharsets.UTF_8).split("\n");
    long count = Arrays.stream(lines).filter(l -> !l.isBlank()).count();
    if (count == 0) {
      throw new IllegalArgumentException("The batch input file holds no requests.");
    }
    if (count > maxRequests) {
      throw new IllegalArgumentException(
          "The batch input file holds "
              + count
              + " requests; a batch may hold at most "
              + maxRequests
              + ".");
    }
    List<JsonObject> requests = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String where = "Line " + (i + 1) + " of the batch input file: ";
      JsonObject line;
      try {
        line = new JsonObject(lines[i]);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + "not a JSON object.");
      }
      if (!(line.getValue("custom_id") instanceof String id) || id.isEmpty()) {
        throw new IllegalArgumentException(where + "custom_id must be a non-empty string.");
      }
      if (!ids.add(id)) {
        throw new IllegalArgumentException(
            where + "custom_id '" + id + "' is used before; each request needs its own.");
      }
      if (!"POST".equals(line.getValue("method"))) {
        throw new IllegalArgumentException(where + "method must be POST.");
      }
      if (!ENDPOINT.equals(line.getValue("url"))) {
        throw new IllegalArgumentException(
            where + "url must be the batch endpoint, " + ENDPOINT + ".");
      }
      if (!(line.getValue("body") instanceof JsonObject)) {
        throw new IllegalArgumentException(where + "body must be a JSON object.");
      }
      requests.add(line);
    }
    return requests;
  }

  private void file(Exchange exchange, String id, boolean content) {
    BatchStore.StoredFile file = exchange.state().batches().file(id);
    if (file == null) {
      exchange.json(404, notFound("No such File object: " + id));
    } else if (content) {
      exchange.bytes(200, "application/octet-stream", file.content());
    } else {
      exchange.json(200, fileObject(file));
    }
  }

  private void create(Exchange exchange, Buffer raw) {
    SimulatorState state = exchange.state();
    BatchStore store = state.batches();
    JsonObject body;
    try {
      body = raw.toJsonObject();
    } catch (RuntimeException e) {
      exchange.json(400, invalid("The body is not a JSON object.", null));
      return;
    }
    if (!(body.getValue("input_file_id") instanceof String inputFileId)) {
      exchange.json(400, invalid("Missing required parameter: 'input_file_id'.", "input_file_id"));
      return;
    }
    if (!ENDPOINT.equals(body.getValue("endpoint"))) {
      exchange.json(
          400, invalid("The simulator batches only the endpoint " + ENDPOINT + ".", "endpoint"));
      return;
    }
    if (!"24h".equals(body.getValue("completion_window"))) {
      exchange.json(
          400, invalid("completion_window must be '24h', the only one.", "completion_window"));
      return;
    }
    Object metadata = body.getValue("metadata");
    if (metadata != null && !(metadata instanceof JsonObject)) {
      exchange.json(400, invalid("metadata must be an object.", "metadata"));
      return;
    }
    BatchStore.StoredFile file = store.file(inputFileId);
    if (file == null) {
      exchange.json(404, notFound("No such File object: " + inputFileId));
      return;
    }
    if (!file.purpose().equals("batch")) {
      exchange.json(
          400, invalid("File " + inputFileId + " is not of purpose 'batch'.", "input_file_id"));
      return;
    }
    Planned planned;
    try {
      planned = batch(state, file, (JsonObject) metadata);
    } catch (IllegalArgumentException e) {
      exchange.json(400, invalid(e.getMessage(), null));
      return;
    }
    SimulatedBatch batch = planned.batch();
    store.putBatch(BatchStore.Provider.OPENAI, batch);
    if (planned.answerLost()) {
      exchange.json(500, chat.error(500, "The server had an error processing your request."));
    } else {
      exchange.json(200, render(store, batch, batch.createdAt()));
    }
  }

  /** A batch as planned, and whether the answer to its creation is to be lost. */
  private record Planned(SimulatedBatch batch, boolean answerLost) {}

  /** Plans every line now, as that many requests arriving at once would be. */
  private Planned batch(SimulatorState state, BatchStore.StoredFile file, JsonObject meta) {
    BatchStore store = state.batches();
    List<JsonObject> lines = requests(file.content(), Integer.MAX_VALUE);
    long first = state.nextOrdinals(lines.size());
    Duration time = null;
    if (meta != null && meta.getValue("sim_processing_time") != null) {
      time = duration("metadata.sim_processing_time", meta.getValue("sim_processing_time"));
    }
    List<BatchItem> items = new ArrayList<>();
    boolean answerLost = false;
    for (int i = 0; i < lines.size(); i++) {
      JsonObject line = lines.get(i);
      BatchDirectives.Stripped stripped = BatchDirectives.strip(line.getJsonObject("body"));
      if (i == 0 && time == null && stripped.time() != null) {
        time = duration("[sim:batch-time]", stripped.time());
      }
      answerLost |= stripped.answerLost();
      long ordinal = first + i;
      ChatEndpoint.Answered answer = chat.wholeAnswer(state.settings(), stripped.body(), ordinal);
      items.add(
          new BatchItem(
              line.getString("custom_id"),
              chat.requestId(ordinal),
              answer.status(),
              answer.body(),
              stripped.expires()));
    }
    long sequence = store.nextSequence();
    JsonObject details = new JsonObject().put("input_file_id", file.id()).put("metadata", meta);
    return new Planned(
        new SimulatedBatch(
            "batch_sim" + sequence,
            sequence,
            store.now(),
            time == null ? store.settings().processingTime() : time,
            items,
            details),
        answerLost);
  }

  static Duration duration(String what, Object value) {
    try {
      return Durations.parse(String.valueOf(value));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          what + " must be a duration such as 500ms or 3s, got '" + value + "'.");
    }
  }

  private void retrieve(Exchange exchange, String id) {
    BatchStore store = exchange.state().batches();
    SimulatedBatch batch = found(exchange, id);
    if (batch != null) {
      exchange.json(200, render(store, batch, store.now()));
    }
  }

  private void cancel(Exchange exchange, String id) {
    BatchStore store = exchange.state().batches();
    SimulatedBatch batch = found(exchange, id);
    if (batch == null) {
      return;
    }
    long now = store.now();
    if (batch.cancel(now)) {
      exchange.json(200, render(store, batch, now));
    } else {
      exchange.json(
          409, chat.error(409, "Cannot cancel a batch with status '" + status(batch, now) + "'."));
    }
  }

  private void list(Exchange exchange) {
    BatchStore store = exchange.state().batches();
    HttpServerRequest request = exchange.request();
    int limit;
    try {
      limit = limit(request.getParam("limit"), 100);
    } catch (IllegalArgumentException e) {
      exchange.json(400, invalid(e.getMessage(), "limit"));
      return;
    }
    String after = request.getParam("after");
    List<SimulatedBatch> page = store.page(BatchStore.Provider.OPENAI, after, limit);
    if (page == null) {
      exchange.json(400, invalid("No batch found with id '" + after + "'.", "after"));
      return;
    }
    long now = store.now();
    JsonArray data = new JsonArray();
    page.stream().limit(limit).forEach(b -> data.add(render(store, b, now)));
    exchange.json(
        200,
        new JsonObject()
            .put("object", "list")
            .put("data", data)
            .put("first_id", data.isEmpty() ? null : data.getJsonObject(0).getString("id"))
            .put(
                "last_id",
                data.isEmpty() ? null : data.getJsonObject(data.size() - 1).getString("id"))
            .put("has_more", page.size() > limit));
  }

  /** A page size from 1 to {@code max}, 20 when not given. */
  static int limit(String value, int max) {
    if (value == null) {
      return 20;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("limit must be from 1 to " + max + ", got '" + value + "'.");
  }

  /**
   * The batch object at {@code now}. Once the batch has ended its output and error files exist (an
   * error file only when some line failed or never ran, an output file only when some succeeded),
   * written at the first read and kept.
   */
  private JsonObject render(BatchStore store, SimulatedBatch batch, long now) {
    SimulatedBatch.Status status = batch.status(now);
    SimulatedBatch.Counts counts = batch.counts(now);
    boolean ended = batch.ended(now);
    String output = null;
    String errors = null;
    if (ended && counts.succeeded() > 0) {
      output = resultFile(store, batch, now, true).id();
    }
    if (ended && counts.errored() + counts.unfinished() > 0) {
      errors = resultFile(store, batch, now, false).id();
    }
    JsonObject details = batch.details();
    Long endedAt = ended ? seconds(batch.endedAt()) : null;
    return new JsonObject()
        .put("id", batch.id())
        .put("object", "batch")
        .put("endpoint", ENDPOINT)
        .putNull("errors")
        .put("input_file_id", details.getString("input_file_id"))
        .put("completion_window", "24h")
        .put("status", status(batch, now))
        .put("output_file_id", output)
        .put("error_file_id", errors)
        .put("created_at", seconds(batch.createdAt()))
        .put("in_progress_at", seconds(batch.inProgressAt(now)))
        .put("expires_at", seconds(batch.createdAt()) + DAY_SECONDS)
        .put("finalizing_at", seconds(batch.finalizingAt(now)))
        .put("completed_at", status == SimulatedBatch.Status.COMPLETED ? endedAt : null)
        .putNull("failed_at")
        .put("expired_at", status == SimulatedBatch.Status.EXPIRED ? endedAt : null)
        .put("cancelling_at", seconds(batch.cancelledAt()))
        .put("cancelled_at", status == SimulatedBatch.Status.CANCELLED ? endedAt : null)
        .put(
            "request_counts",
            new JsonObject()
                .put("total", batch.items().size())
                .put("completed", counts.succeeded())
                .put("failed", counts.errored()))
        .put("metadata", details.getValue("metadata"));
  }

  private static String status(SimulatedBatch batch, long now) {
    return batch.status(now).name().toLowerCase(Locale.ROOT);
  }

  /** The output file ({@code succeeded}) or the error file of an ended batch. */
  private static BatchStore.StoredFile resultFile(
      BatchStore store, SimulatedBatch batch, long now, boolean succeeded) {
    String kind = succeeded ? "output" : "error";
    String id = "file-" + batch.id() + "-" + kind;
    return store.fileOnce(
        id,
        () ->
            new BatchStore.StoredFile(
                id,
                batch.id() + "_" + kind + ".jsonl",
                "batch_output",
                seconds(batch.endedAt()),
                resultLines(batch, now, succeeded)));
  }

  private static Buffer resultLines(SimulatedBatch batch, long now, boolean succeeded) {
    Buffer out = Buffer.buffer();
    List<BatchItem> items = batch.items();
    for (int i = 0; i < items.size(); i++) {
      SimulatedBatch.ItemState state = batch.itemState(i, now);
      if ((state == SimulatedBatch.ItemState.SUCCEEDED) != succeeded) {
        continue;
      }
      BatchItem item = items.get(i);
      JsonObject line =
          new JsonObject()
              .put("id", "batch_req_sim" + batch.sequence() + "_" + (i + 1))
              .put("custom_id", item.customId());
      switch (state) {
        case SUCCEEDED, ERRORED ->
            line.put(
                    "response",
                    new JsonObject()
                        .put("status_code", item.status())
                        .put("request_id", item.requestId())
                        .put("body", item.body()))
                .putNull("error");
        case EXPIRED ->
            line.putNull("response")
                .put(
                    "error",
                    lineError(
                        "batch_expired",
                        "This request could not be executed before the completion window"
                            + " expired."));
        default ->
            line.putNull("response")
                .put(
                    "error",
                    lineError(
                        "batch_cancelled",
                        "This request was not executed because the batch was cancelled."));
      }
      out.appendString(line.encode()).appendString("\n");
    }
    return out;
  }

  private static JsonObject lineError(String code, String message) {
    return new JsonObject().put("code", code).put("message", message);
  }

  private static JsonObject fileObject(BatchStore.StoredFile file) {
    return new JsonObject()
        .put("id", file.id())
        .put("object", "file")
        .put("bytes", file.content().length())
        .put("created_at", file.createdAt())
        .put("filename", file.filename())
        .put("purpose", file.purpose())
        .put("status", "processed")
        .putNull("expires_at")
        .putNull("status_details");
  }

  private static Long seconds(Long millis) {
    return millis == null ? null : millis / 1000;
  }

  /** OpenAI's error body for a refused request, naming the parameter at fault when there is one. */
  private static JsonObject invalid(String message, String param) {
    return new JsonObject()
        .put(
            "error",
            new JsonObject()
                .put("message", message)
                .put("type", "invalid_request_error")
                .put("param", param)
                .putNull("code"));
  }

  private static JsonObject notFound(String message) {
    return invalid(message, null);
  }

  /** The batch {@code id}, or null once the provider's 404 has been answered. */
  private static SimulatedBatch found(Exchange exchange, String id) {
    SimulatedBatch batch = exchange.state().batches().batch(BatchStore.Provider.OPENAI, id);
    if (batch == null) {
      exchange.json(404, notFound("No batch found with id '" + id + "'."));
    }
    return batch;
  }
}
