package dev.sluice.llm.client;

import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmException;
import dev.sluice.platform.metrics.Label;
import dev.sluice.platform.metrics.Meters;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Provider-call metrics (application scope of {@code /metrics}): calls by outcome, tokens, cost,
 * time to first token, duration and open streams, tagged by provider and model.
 */
@ApplicationScoped
public class LlmMetrics {

  @Inject Meters meters;

  private final AtomicLong openStreams = new AtomicLong();
  private final Map<String, DoubleAdder> costs = new ConcurrentHashMap<>();

  @PostConstruct
  void registerGauges() {
    meters.gauge("sluice.llm.streams.open", "Provider streams currently open", openStreams::get);
  }

  /** Marks the start of a call; the returned handle records how it ended. */
  public Call start(String provider, String model) {
    openStreams.incrementAndGet();
    return new Call(provider, model);
  }

  /** One call in flight. */
  public final class Call {
    private final Label[] labels;
    private final String costKey;

    private Call(String provider, String model) {
      this.labels = new Label[] {Label.of("provider", provider), Label.of("model", model)};
      this.costKey = provider + "\u0000" + model;
    }

    void succeeded(ChatResult result) {
      openStreams.decrementAndGet();
      count("completed");
      tokens("input", result.usage().inputTokens());
      tokens("output", result.usage().outputTokens());
      tokens("cached", result.usage().cachedInputTokens());
      if (result.timeToFirstToken() != null) {
        meters.time("sluice.llm.time.to.first.token", result.timeToFirstToken(), labels);
      }
      meters.time("sluice.llm.duration", result.totalTime(), labels);
      if (result.costUsd() != null) {
        cost().add(result.costUsd().doubleValue());
      }
    }

    void failed(Throwable error) {
      openStreams.decrementAndGet();
      String outcome =
          error instanceof LlmException e ? e.kind().name().toLowerCase() : "unexpected_error";
      count(outcome);
    }

    private void count(String outcome) {
      meters.count("sluice.llm.calls", 1, with(Label.of("outcome", outcome)));
    }

    private void tokens(String type, long n) {
      if (n > 0) {
        meters.count("sluice.llm.tokens", n, with(Label.of("type", type)));
      }
    }

    private DoubleAdder cost() {
      return costs.computeIfAbsent(
          costKey,
          key -> {
            DoubleAdder adder = new DoubleAdder();
            meters.gauge(
                "sluice.llm.cost.usd",
                "Cost of provider calls since start, in US dollars",
                adder::sum,
                labels);
            return adder;
          });
    }

    private Label[] with(Label extra) {
      Label[] all = java.util.Arrays.copyOf(labels, labels.length + 1);
      all[labels.length] = extra;
      return all;
    }
  }
}
