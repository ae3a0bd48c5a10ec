package dev.sluice.llm.client;

import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Provider-call metrics (application scope of {@code /metrics}): calls by outcome, tokens, cost,
 * time to first token, duration and open streams, tagged by provider and model.
 */
@ApplicationScoped
public class LlmMetrics {

  @Inject MetricRegistry registry;

  private final AtomicLong openStreams = new AtomicLong();
  private final Map<String, DoubleAdder> costs = new ConcurrentHashMap<>();

  @PostConstruct
  void registerGauges() {
    registry.gauge(
        Metadata.builder()
            .withName("sluice.llm.streams.open")
            .withDescription("Provider streams currently open")
            .build(),
        openStreams,
        AtomicLong::get);
  }

  /** Marks the start of a call; the returned handle records how it ended. */
  public Call start(String provider, String model) {
    openStreams.incrementAndGet();
    return new Call(provider, model);
  }

  /** One call in flight. */
  public final class Call {
    private final Tag[] tags;
    private final String costKey;

    private Call(String provider, String model) {
      this.tags = new Tag[] {new Tag("provider", provider), new Tag("model", model)};
      this.costKey = provider + "\u0000" + model;
    }

    void succeeded(ChatResult result) {
      openStreams.decrementAndGet();
      count("completed");
      tokens("input", result.usage().inputTokens());
      tokens("output", result.usage().outputTokens());
      tokens("cached", result.usage().cachedInputTokens());
      if (result.timeToFirstToken() != null) {
        registry.timer("sluice.llm.time.to.first.token", tags).update(result.timeToFirstToken());
      }
      registry.timer("sluice.llm.duration", tags).update(result.totalTime());
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
      registry.counter("sluice.llm.calls", with(new Tag("outcome", outcome))).inc();
    }

    private void tokens(String type, long n) {
      if (n > 0) {
        registry
            .counter(
                Metadata.builder().withName("sluice.llm.tokens").withUnit(MetricUnits.NONE).build(),
                with(new Tag("type", type)))
            .inc(n);
      }
    }

    private DoubleAdder cost() {
      return costs.computeIfAbsent(
          costKey,
          key -> {
            DoubleAdder adder = new DoubleAdder();
            registry.gauge(
                Metadata.builder()
                    .withName("sluice.llm.cost.usd")
                    .withDescription("Cost of provider calls since start, in US dollars")
                    .build(),
                adder,
                DoubleAdder::sum,
                tags);
            return adder;
          });
    }

    private Tag[] with(Tag extra) {
      Tag[] all = java.util.Arrays.copyOf(tags, tags.length + 1);
      all[tags.length] = extra;
      return all;
    }
  }
}
