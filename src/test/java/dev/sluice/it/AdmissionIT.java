package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.admission.Attempt;
import dev.sluice.admission.GatedStream;
import dev.sluice.admission.Priority;
import dev.sluice.admission.service.AdmissionGate;
import dev.sluice.admission.service.TranscriptionService;
import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.Transcription;
import dev.sluice.llm.TranscriptionRequest;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container: calls go through the admission gate on the server's executors, the lane
 * shows in {@code GET /api/admission} and in metrics, the breaker is steered over the console's
 * REST API, and transcription runs under MicroProfile Fault Tolerance.
 */
@ExtendWith(ArquillianExtension.class)
class AdmissionIT {

  private static final String BREAKER = "/api/admin/providers/";

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.withTests();
  }

  @Inject AdmissionGate gate;
  @Inject TranscriptionService transcription;
  @ArquillianResource URL base;

  @Test
  void aCallGoesThroughItsLaneAndTheLaneIsVisible() throws Exception {
    GatedStream stream = gate.stream(request("[sim:tokens=4] hello"), Priority.HIGH, e -> {});
    ChatResult result = stream.result().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertEquals(4, result.usage().outputTokens());
    List<Attempt> attempts = stream.attempts();
    assertEquals(1, attempts.size());
    assertEquals("simulated/sim-large", attempts.get(0).lane());

    HttpResponse<String> state = new Http(base).get("/api/admission");
    assertEquals(200, state.statusCode());
    JsonObject lane =
        Http.json(state).asJsonObject().getJsonArray("lanes").getValuesAs(JsonObject.class).stream()
            .filter(l -> l.getString("name").equals("simulated/sim-large"))
            .findFirst()
            .orElseThrow();
    assertTrue(lane.getJsonNumber("admitted").longValue() >= 1);
    assertEquals(600, lane.getJsonNumber("requestsPerMinute").longValue());

    String metrics = new Http(base).root().get("/metrics?scope=application").body();
    assertTrue(
        metrics.contains("sluice_admission_in_flight{lane=\"simulated/sim-large\""), metrics);
  }

  @Test
  void aForcedOpenBreakerFailsCallsFastUntilReset() throws Exception {
    HttpResponse<String> opened = post(BREAKER + "simulated/breaker/force-open");
    assertEquals(200, opened.statusCode(), opened.body());
    assertEquals("FORCED_OPEN", Http.json(opened).asJsonObject().getString("state"));
    try {
      GatedStream refused = gate.stream(request("hi"), Priority.HIGH, e -> {});
      ExecutionException failure =
          assertThrows(
              ExecutionException.class,
              () -> refused.result().toCompletableFuture().get(10, TimeUnit.SECONDS));
      assertInstanceOf(LlmException.class, failure.getCause());
      assertTrue(
          refused.attempts().stream()
              .allMatch(a -> a.outcome() == Attempt.Outcome.REJECTED_BY_BREAKER));
    } finally {
      assertEquals(200, post(BREAKER + "simulated/breaker/reset").statusCode());
    }
    ChatResult after =
        gate.stream(request("hi"), Priority.HIGH, e -> {})
            .result()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertFalse(after.content().isBlank());
  }

  @Test
  void anUnknownProvidersBreakerIsA404Problem() {
    HttpResponse<String> response = new Http(base).get("/api/admission/breakers/nobody");
    assertEquals(404, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
  }

  @Test
  void transcriptionRunsThroughTheGateUnderFaultTolerance() throws Exception {
    byte[] audio = "RIFF fake wav bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Transcription text =
        transcription
            .transcribe(
                new TranscriptionRequest("sim-whisper", audio, "memo.wav", "audio/wav", null),
                Priority.NORMAL)
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertFalse(text.text().isBlank());
  }

  /** Steering the gate is for admins. */
  private HttpResponse<String> post(String path) {
    return new Http(base).as(Credentials.admin()).post(path);
  }

  private static ChatRequest request(String text) {
    return ChatRequest.of("sim-large", List.of(ChatMessage.user(text)));
  }
}
