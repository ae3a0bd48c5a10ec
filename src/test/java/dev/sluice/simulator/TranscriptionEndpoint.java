package dev.sluice.simulator;

import dev.sluice.llm.simulated.SimulatedText;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * {@code POST /v1/audio/transcriptions}: reads the multipart {@code file} and {@code model} fields
 * and, after the first-token delay, answers {@code {"text": ...}} with a transcript derived from
 * the audio's bytes.
 */
final class TranscriptionEndpoint {

  private final Vertx vertx;
  private final OpenAiEndpoint errors;

  TranscriptionEndpoint(Vertx vertx, OpenAiEndpoint errors) {
    this.vertx = vertx;
    this.errors = errors;
  }

  void handle(Exchange exchange) {
    Buffer audio = Buffer.buffer();
    String[] fileName = {null};
    exchange.request().setExpectMultipart(true);
    exchange
        .request()
        .uploadHandler(
            upload -> {
              if ("file".equals(upload.name())) {
                fileName[0] = upload.filename();
                upload.handler(audio::appendBuffer);
              }
            });
    exchange.request().endHandler(v -> answer(exchange, audio, fileName[0]));
  }

  private void answer(Exchange exchange, Buffer audio, String fileName) {
    String model = exchange.request().getFormAttribute("model");
    if (fileName == null || model == null) {
      exchange.json(400, errors.error(400, "file and model are required multipart fields"));
      return;
    }
    SimulatedText text = new SimulatedText(exchange.state().settings().seed());
    JsonObject body = new JsonObject().put("text", text.transcribe(audio.getBytes(), fileName));
    long delay = Math.max(1, exchange.state().settings().firstTokenDelay().toMillis());
    exchange.response().putHeader("x-request-id", "req_sim_" + exchange.state().nextOrdinal());
    vertx.setTimer(delay, t -> exchange.json(200, body));
  }
}
