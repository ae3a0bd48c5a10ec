package dev.sluice.queues.rest;

import dev.sluice.queues.QueueSummary;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/** One job queue: its depth by JMS priority and its exception destination's depth. */
@JsonbPropertyOrder({"name", "destination", "depth", "depthCapped", "byPriority", "failed"})
public record QueueView(
    String name,
    String destination,
    int depth,
    boolean depthCapped,
    Map<String, Integer> byPriority,
    FailedDepth failed) {

  /** The exception destination: where jobs that failed every delivery wait. */
  @JsonbPropertyOrder({"destination", "depth", "depthCapped"})
  public record FailedDepth(String destination, int depth, boolean depthCapped) {}

  static QueueView of(QueueSummary summary) {
    return new QueueView(
        summary.name(),
        summary.destination(),
        summary.depth().count(),
        summary.depth().capped(),
        summary.depth().byPriorityNames(),
        new FailedDepth(
            summary.failedDestination(),
            summary.failedDepth().count(),
            summary.failedDepth().capped()));
  }
}
