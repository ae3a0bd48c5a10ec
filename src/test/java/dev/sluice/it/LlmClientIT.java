package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.StreamEvent;
import dev.sluice.llm.client.LlmClient;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container: the provider layer wired by CDI on the server's managed executors streams
 * from the simulated provider and prices the result.
 */
@ExtendWith(ArquillianExtension.class)
class LlmClientIT {

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.withTests();
  }

  @Inject LlmClient client;

  @Inject MetricRegistry metrics;

  @Test
  void streamsFromTheDefaultModelAndPricesTheResult() throws Exception {
    List<StreamEvent> events = new CopyOnWriteArrayList<>();
    ChatRequest request =
        ChatRequest.of(
            client.defaultModel(),
            List.of(ChatMessage.user("[sim:tokens=6] Tell me about rivers")));

    ChatResult result =
        client.stream(request, events::add)
            .result()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);

    assertEquals("sim-large", result.requestedModel());
    assertEquals(6, result.usage().outputTokens());
    assertTrue(result.usage().inputTokens() > 0);
    assertTrue(result.costUsd().signum() > 0, "cost from the catalog price");
    assertNotNull(result.timeToFirstToken());
    long deltas = events.stream().filter(StreamEvent.TextDelta.class::isInstance).count();
    assertEquals(6, deltas);
    assertFalse(result.content().isBlank());
    Counter completed =
        metrics.counter(
            "sluice.llm.calls",
            new Tag("provider", "simulated"),
            new Tag("model", "sim-large"),
            new Tag("outcome", "completed"));
    assertTrue(completed.getCount() >= 1, "the call is counted in metrics");
  }

  @Test
  void aModelWithoutAConfiguredProviderFailsWithAClearReason() throws Exception {
    ChatRequest request = ChatRequest.of("gpt-4o", List.of(ChatMessage.user("hi")));

    ExecutionException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class,
            () ->
                client.stream(request, e -> {})
                    .result()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));

    LlmException error = (LlmException) failure.getCause();
    assertEquals(LlmErrorKind.PROVIDER_UNAVAILABLE, error.kind());
    assertTrue(error.getMessage().contains("no API key"));
  }
}
