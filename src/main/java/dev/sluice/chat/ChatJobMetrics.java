package dev.sluice.chat;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Chat job metrics: jobs by outcome ({@code sluice.chat.jobs}), jobs running, time to first token
 * and total time, tokens and cost by model.
 */
@ApplicationScoped
public class ChatJobMetrics {

  @Inject MetricRegistry registry;
  @Inject RunningAnswers running;

  private final Map<String, DoubleAdder> costs = new ConcurrentHashMap<>();

  @PostConstruct
  void registerGauges() {
    registry.gauge(
        Metadata.builder()
            .withName("sluice.chat.jobs.running")
            .withDescription("Chat answers generating now")
            .build(),
        running,
        RunningAnswers::size);
  }

  /** Counts a job reaching {@code outcome}: queued, completed, failed, cancelled, interrupted. */
  public void count(String outcome) {
    registry.counter("sluice.chat.jobs", new Tag("outcome", outcome)).inc();
  }

  public void completed(AnswerRecord answer) {
    count("completed");
    Tag model = new Tag("model", answer.model() == null ? "unknown" : answer.model());
    if (answer.timeToFirstTokenMs() != null) {
      registry
          .timer("sluice.chat.time.to.first.token", model)
          .update(Duration.ofMillis(answer.timeToFirstTokenMs()));
    }
    registry.timer("sluice.chat.duration", model).update(Duration.ofMillis(answer.totalTimeMs()));
    tokens(model, "input", answer.inputTokens());
    tokens(model, "output", answer.outputTokens());
    if (answer.costUsd() != null && answer.costUsd().compareTo(BigDecimal.ZERO) > 0) {
      cost(model).add(answer.costUsd().doubleValue());
    }
  }

  private void tokens(Tag model, String type, Integer n) {
    if (n != null && n > 0) {
      registry.counter("sluice.chat.tokens", model, new Tag("type", type)).inc(n);
    }
  }

  private DoubleAdder cost(Tag model) {
    return costs.computeIfAbsent(
        model.getTagValue(),
        key -> {
          DoubleAdder adder = new DoubleAdder();
          registry.gauge(
              Metadata.builder()
                  .withName("sluice.chat.cost.usd")
                  .withDescription("Cost of chat answers since start, in US dollars")
                  .build(),
              adder,
              DoubleAdder::sum,
              model);
          return adder;
        });
  }
}
