package dev.sluice.simulator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anthropic's Message Batches API: create a batch of Messages requests, read, list and cancel it,
 * and once it has ended read its results as JSON Lines. Each request is answered as {@code POST
 * /v1/messages} would answer its {@code params}: {@code succeeded} with the message, {@code
 * errored} with the error body, or {@code canceled} and {@code expired} for requests never run. A
 * batch's progress follows the clock ({@link SimulatedBatch}); {@code [sim:batch-time=500ms]} in
 * the first request's last user message sets one batch's processing time.
 */
final class AnthropicBatches {

  private static final String PATH = "/v1/messages/batches";
  private static final Pattern BATCH =
      Pattern.compile(Pattern.quote(PATH) + "/([^/]+)(/cancel|/results)?");
  private static final Pattern CUSTOM_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  private final AnthropicEndpoint messages;

  AnthropicBatches(AnthropicEndpoint messages) {
    this.messages = messages;
  }

  /** Answers a Message Batches request; false, answering nothing, for any other request. */
  boolean handle(Exchange exchange) {
    HttpServerRequest request = exchange.request();
    String path = request.path();
    HttpMethod method = request.method();
    Matcher batch = BATCH.matcher(path);
    String id = batch.matches() ? batch.group(1) : null;
    String action = id == null || batch.group(2) == null ? "" : batch.group(2);
    if (method == HttpMethod.POST && path.equals(PATH)) {
      receive(exchange);
    } else if (method == HttpMethod.GET && path.equals(PATH)) {
      list(exchange);
    } else if (id != null && method == HttpMethod.GET && action.isEmpty()) {
      retrieve(exchange, id);
    } else if (id != null && method == HttpMethod.POST && action.equals("/cancel")) {
      cancel(exchange, id);
    } else if (id != null && method == HttpMethod.GET && action.equals("/results")) {
      results(exchange, id);
    } else {
      return false;
    }
    return true;
  }

  /** Reads the body up to the byte limit; a larger one is only counted, then refused. */
  private void receive(Exchange exchange) {
    HttpServerRequest request = exchange.request();
    long max = exchange.state().batches().settings().anthropicMaxBytes();
    Buffer body = Buffer.buffer();
    long[] size = {0};
    request.handler(
        chunk -> {
          size[0] += chunk.length();
          if (size[0] <= max) {
            body.appendBuffer(chunk);
          }
        });
    request.endHandler(
        v -> {
          if (size[0] > max) {
            exchange.json(
                413,
                messages.error(
                    413,
                    "Request is "
                        + size[0]
                        + " bytes; a Message Batch may be at most "
                        + max
                        + " bytes."));
          } else {
            create(exchange, body);
          }
        });
  }

  private void create(Exchange exchange, Buffer raw) {
    SimulatorState state = exchange.state();
    BatchStore store = state.batches();
    List<JsonObject> requests;
    SimulatedBatch batch;
    try {
      requests = requests(raw, store.settings().anthropicMaxRequests());
      batch = batch(state, requests);
    } catch (IllegalArgumentException e) {
      exchange.json(400, messages.error(400, e.getMessage()));
      return;
    }
    store.putBatch(BatchStore.Provider.ANTHROPIC, batch);
    exchange.json(200, render(exchange.request(), batch, batch.createdAt()));
  }

  /** The body's requests; an {@link IllegalArgumentException} says what is wrong. */
  private static List<JsonObject> requests(Buffer raw, int max) {
    JsonObject body;
    try {
      body = raw.toJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("The body is not a JSON object.");
    }
    if (!(body.getValue("requests") instanceof JsonArray array)) {
      throw new IllegalArgumentException("requests: Field required");
    }
    if (array.isEmpty()) {
      throw new IllegalArgumentException("requests: List should have at least 1 item");
    }
    if (array.size() > max) {
      throw new IllegalArgumentException(
          "requests: a Message Batch may hold at most " + max + " requests, got " + array.size());
    }
    List<JsonObject> requests = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String where = "requests." + i + ".";
      if (!(array.getValue(i) instanceof JsonObject request)) {
        throw new IllegalArgumentException("requests." + i + ": Input should be an object");
      }
      if (!(request.getValue("custom_id") instanceof String id)
          || !CUSTOM_ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            where + "custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'");
      }
      if (!ids.add(id)) {
        throw new IllegalArgumentException(
            where + "custom_id: '" + id + "' is used before; each request needs its own");
      }
      if (!(request.getValue("params") instanceof JsonObject)) {
        throw new IllegalArgumentException(where + "params: Field required");
      }
      requests.add(request);
    }
    return requests;
  }

  /** Plans every request now, as that many requests arriving at once would be. */
  private SimulatedBatch batch(SimulatorState state, List<JsonObject> requests) {
    BatchStore store = state.batches();
    long first = state.nextOrdinals(requests.size());
    Duration time = null;
    List<BatchItem> items = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      JsonObject request = requests.get(i);
      BatchDirectives.Stripped stripped = BatchDirectives.strip(request.getJsonObject("params"));
      if (i == 0 && stripped.time() != null) {
        time = OpenAiBatches.duration("[sim:batch-time]", stripped.time());
      }
      long ordinal = first + i;
      ChatEndpoint.Answered answer =
          messages.wholeAnswer(state.settings(), stripped.body(), ordinal);
      items.add(
          new BatchItem(
              request.getString("custom_id"),
              messages.requestId(ordinal),
              answer.status(),
              answer.body(),
              stripped.expires()));
    }
    long sequence = store.nextSequence();
    return new SimulatedBatch(
        "msgbatch_sim" + sequence,
        sequence,
        store.now(),
        time == null ? store.settings().processingTime() : time,
        items,
        new JsonObject());
  }

  private void retrieve(Exchange exchange, String id) {
    BatchStore store = exchange.state().batches();
    SimulatedBatch batch = found(exchange, id);
    if (batch != null) {
      exchange.json(200, render(exchange.request(), batch, store.now()));
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
      exchange.json(200, render(exchange.request(), batch, now));
    } else {
      exchange.json(
          400, messages.error(400, "Message Batch " + id + " has ended and cannot be canceled."));
    }
  }

  private void results(Exchange exchange, String id) {
    BatchStore store = exchange.state().batches();
    SimulatedBatch batch = found(exchange, id);
    if (batch == null) {
      return;
    }
    long now = store.now();
    if (!batch.ended(now)) {
      exchange.json(
          400,
          messages.error(
              400,
              "Message Batch "
                  + id
                  + " has not ended; its results are ready once processing_status is 'ended'."));
      return;
    }
    exchange.bytes(200, "application/x-jsonl", batch.results(() -> resultLines(batch, now)));
  }

  private static Buffer resultLines(SimulatedBatch batch, long now) {
    Buffer out = Buffer.buffer();
    List<BatchItem> items = batch.items();
    for (int i = 0; i < items.size(); i++) {
      BatchItem item = items.get(i);
      JsonObject result =
          switch (batch.itemState(i, now)) {
            case SUCCEEDED -> new JsonObject().put("type", "succeeded").put("message", item.body());
            case ERRORED ->
                new JsonObject()
                    .put("type", "errored")
                    .put("error", item.body().copy().put("request_id", item.requestId()));
            case CANCELLED -> new JsonObject().put("type", "canceled");
            default -> new JsonObject().put("type", "expired");
          };
      JsonObject line = new JsonObject().put("custom_id", item.customId()).put("result", result);
      out.appendString(line.encode()).appendString("\n");
    }
    return out;
  }

  private void list(Exchange exchange) {
    BatchStore store = exchange.state().batches();
    HttpServerRequest request = exchange.request();
    int limit;
    try {
      limit = OpenAiBatches.limit(request.getParam("limit"), 1000);
    } catch (IllegalArgumentException e) {
      exchange.json(400, messages.error(400, e.getMessage()));
      return;
    }
    String after = request.getParam("after_id");
    List<SimulatedBatch> page = store.page(BatchStore.Provider.ANTHROPIC, after, limit);
    if (page == null) {
      notFound(exchange, after);
      return;
    }
    long now = store.now();
    JsonArray data = new JsonArray();
    page.stream().limit(limit).forEach(b -> data.add(render(request, b, now)));
    exchange.json(
        200,
        new JsonObject()
            .put("data", data)
            .put("has_more", page.size() > limit)
            .put("first_id", data.isEmpty() ? null : data.getJsonObject(0).getString("id"))
            .put(
                "last_id",
                data.isEmpty() ? null : data.getJsonObject(data.size() - 1).getString("id")));
  }

  /** The message batch object at {@code now}. */
  private static JsonObject render(HttpServerRequest request, SimulatedBatch batch, long now) {
    SimulatedBatch.Status status = batch.status(now);
    SimulatedBatch.Counts counts = batch.counts(now);
    boolean ended = batch.ended(now);
    String processing;
    if (ended) {
      processing = "ended";
    } else {
      processing = status == SimulatedBatch.Status.CANCELLING ? "canceling" : "in_progress";
    }
    int unfinished = counts.unfinished();
    JsonObject requestCounts =
        new JsonObject()
            .put("processing", ended ? 0 : unfinished)
            .put("succeeded", counts.succeeded())
            .put("errored", counts.errored())
            .put("canceled", status == SimulatedBatch.Status.CANCELLED ? unfinished : 0)
            .put("expired", status == SimulatedBatch.Status.EXPIRED ? unfinished : 0);
    Long cancelled = batch.cancelledAt();
    return new JsonObject()
        .put("id", batch.id())
        .put("type", "message_batch")
        .put("processing_status", processing)
        .put("request_counts", requestCounts)
        .put("ended_at", ended ? time(batch.endedAt()) : null)
        .put("created_at", time(batch.createdAt()))
        .put("expires_at", time(batch.createdAt() + Duration.ofDays(1).toMillis()))
        .put("cancel_initiated_at", cancelled == null ? null : time(cancelled))
        .putNull("archived_at")
        .put("results_url", ended ? baseUrl(request) + PATH + "/" + batch.id() + "/results" : null);
  }

  /** The address the caller reached the simulator at, as the real API gives a full URL. */
  private static String baseUrl(HttpServerRequest request) {
    String host = request.getHeader("host");
    return "http://" + (host != null ? host : "127.0.0.1:" + request.localAddress().port());
  }

  /** RFC 3339, as Anthropic writes its times. */
  private static String time(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }

  private void notFound(Exchange exchange, String id) {
    exchange.json(404, messages.error(404, "No Message Batch found with id '" + id + "'."));
  }

  /** The batch {@code id}, or null once the provider's 404 has been answered. */
  private SimulatedBatch found(Exchange exchange, String id) {
    SimulatedBatch batch = exchange.state().batches().batch(BatchStore.Provider.ANTHROPIC, id);
    if (batch == null) {
      notFound(exchange, id);
    }
    return batch;
  }
}
