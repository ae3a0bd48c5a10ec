package dev.sluice.llm.simulated;

import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.StreamAccumulator;
import dev.sluice.llm.Usage;

/**
 * Feeds a paced plan into a {@link StreamAccumulator}: each piece as a delta, then usage, finish
 * reason and completion (usage only if the plan reports it); a cut or a malformed event as the
 * server error a real adapter would see.
 */
final class AccumulatorSink implements PlanPacer.Sink {

  /** Builds a classified error for this provider and stream. */
  @FunctionalInterface
  interface Errors {
    LlmException.Builder error(
        LlmErrorKind kind, String message, int status, StreamAccumulator stream);
  }

  private final SimulationPlan plan;
  private final StreamAccumulator stream;
  private final Errors errors;

  AccumulatorSink(SimulationPlan plan, StreamAccumulator stream, Errors errors) {
    this.plan = plan;
    this.stream = stream;
    this.errors = errors;
  }

  @Override
  public void piece(int index, String piece) {
    stream.delta(piece);
  }

  @Override
  public void end() {
    if (plan.reportsUsage()) {
      stream.usage(new Usage(plan.inputTokens(), plan.pieces().size(), 0));
    }
    stream.finish(plan.finishReason());
    stream.complete();
  }

  @Override
  public void cut(int delivered) {
    stream.fail(errors.error(LlmErrorKind.SERVER_ERROR, "stream cut", 200, stream).build());
  }

  @Override
  public void malformed() {
    stream.fail(errors.error(LlmErrorKind.SERVER_ERROR, "malformed event", 200, stream).build());
  }
}
