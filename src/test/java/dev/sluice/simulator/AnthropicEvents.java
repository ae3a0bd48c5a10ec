package dev.sluice.simulator;

import dev.sluice.llm.simulated.SimulationPlan;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Writes an Anthropic Messages stream: {@code event:} and {@code data:} lines per event. */
final class AnthropicEvents implements PacedAnswer.Writer {

  private final HttpServerResponse response;
  private final SimulationPlan plan;
  private final JsonObject message;

  AnthropicEvents(HttpServerResponse response, SimulationPlan plan, JsonObject message) {
    this.response = response;
    this.plan = plan;
    this.message = message;
  }

  @Override
  public void open() {
    ChatEndpoint.openEventStream(response);
    send("message_start", new JsonObject().put("message", message));
    send(
        "content_block_start",
        new JsonObject()
            .put("index", 0)
            .put("content_block", new JsonObject().put("type", "text").put("text", "")));
    send("ping", new JsonObject());
  }

  @Override
  public void piece(int index, String piece) {
    send(
        "content_block_delta",
        new JsonObject()
            .put("index", 0)
            .put("delta", new JsonObject().put("type", "text_delta").put("text", piece)));
  }

  @Override
  public void end() {
    send("content_block_stop", new JsonObject().put("index", 0));
    JsonObject delta =
        new JsonObject()
            .put(
                "delta",
                new JsonObject()
                    .put("stop_reason", AnthropicEndpoint.stopReason(plan.finishReason()))
                    .putNull("stop_sequence"));
    if (plan.reportsUsage()) {
      delta.put("usage", new JsonObject().put("output_tokens", plan.pieces().size()));
    }
    send("message_delta", delta);
    send("message_stop", new JsonObject());
    response.end();
  }

  @Override
  public void malformed() {
    response.end("event: content_block_delta\ndata: {not json\n\n");
  }

  private void send(String type, JsonObject data) {
    JsonObject event = new JsonObject().put("type", type).mergeIn(data);
    response.write("event: " + type + "\ndata: " + event.encode() + "\n\n");
  }
}
