package dev.sluice.simulator;

import dev.sluice.llm.simulated.SimulationPlan;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Writes an OpenAI Chat Completions stream: one {@code data:} line per chunk. */
final class OpenAiChunks implements PacedAnswer.Writer {

  private final HttpServerResponse response;
  private final SimulationPlan plan;
  private final JsonObject envelope;
  private final boolean includeUsage;

  OpenAiChunks(
      HttpServerResponse response, SimulationPlan plan, JsonObject envelope, boolean includeUsage) {
    this.response = response;
    this.plan = plan;
    this.envelope = envelope;
    this.includeUsage = includeUsage;
  }

  @Override
  public void open() {
    ChatEndpoint.openEventStream(response);
    send(choice(new JsonObject().put("role", "assistant").put("content", ""), null));
  }

  @Override
  public void piece(int index, String piece) {
    send(choice(new JsonObject().put("content", piece), null));
  }

  @Override
  public void end() {
    send(choice(new JsonObject(), OpenAiEndpoint.finishReason(plan.finishReason())));
    if (includeUsage) {
      send(
          envelope.copy().put("choices", new JsonArray()).put("usage", OpenAiEndpoint.usage(plan)));
    }
    response.end("data: [DONE]\n\n");
  }

  @Override
  public void malformed() {
    response.end("data: {not json\n\n");
  }

  private JsonObject choice(JsonObject delta, String finishReason) {
    JsonObject choice =
        new JsonObject()
            .put("index", 0)
            .put("delta", delta)
            .putNull("logprobs")
            .put("finish_reason", finishReason);
    JsonObject chunk = envelope.copy().put("choices", new JsonArray().add(choice));
    return includeUsage ? chunk.putNull("usage") : chunk;
  }

  private void send(JsonObject chunk) {
    response.write("data: " + chunk.encode() + "\n\n");
  }
}
