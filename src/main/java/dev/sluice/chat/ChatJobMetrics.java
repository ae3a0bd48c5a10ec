package dev.sluice.chat;

import dev.sluice.platform.metrics.Label;
import dev.sluice.platform.metrics.Meters;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Chat job metrics: jobs by outcome ({@code sluice.chat.jobs}), jobs running, time to first token
 * and total time, tokens and cost by model.
 */
@ApplicationScoped
public class ChatJobMetrics {

  @Inject Meters meters;
  @Inject RunningAnswers running;

  private final Map<String, DoubleAdder> costs = new ConcurrentHashMap<>();

  @PostConstruct
  void registerGauges() {
    meters.gauge("sluice.chat.jobs.running", "Chat answers generating now", running::size);
  }

  /** Counts a job reaching {@code outcome}: queued, completed, failed, cancelled, interrupted. */
  public void count(String outcome) {
    meters.count("sluice.chat.jobs", 1, Label.of("outcome", outcome));
  }

  public void completed(AnswerRecord answer) {
    count("completed");
    Label model = Label.of("model", answer.model() == null ? "unknown" : answer.model());
    if (answer.timeToFirstTokenMs() != null) {
      meters.time(
          "sluice.chat.time.to.first.token", Duration.ofMillis(answer.timeToFirstTokenMs()), model);
    }
    meters.time("sluice.chat.duration", Duration.ofMillis(answer.totalTimeMs()), model);
    tokens(model, "input", answer.inputTokens());
    tokens(model, "output", answer.outputTokens());
    if (answer.costUsd() != null && answer.costUsd().compareTo(BigDecimal.ZERO) > 0) {
      cost(model).add(answer.costUsd().doubleValue());
    }
  }

  private void tokens(Label model, String type, Integer n) {
    if (n != null && n > 0) {
      meters.count("sluice.chat.tokens", n, model, Label.of("type", type));
    }
  }

  private DoubleAdder cost(Label model) {
    return costs.computeIfAbsent(
        model.value(),
        key -> {
          DoubleAdder adder = new DoubleAdder();
          meters.gauge(
              "sluice.chat.cost.usd",
              "Cost of chat answers since start, in US dollars",
              adder::sum,
              model);
          return adder;
        });
  }
}
