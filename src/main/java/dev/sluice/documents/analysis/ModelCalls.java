package dev.sluice.documents.analysis;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.GatedStream;
import dev.sluice.admission.Priority;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The calls of one analysis: each goes through the gate at the analysis's priority, and what it
 * spent is added to the analysis's {@link Tally} whether it answered or failed. Answers that must
 * have a shape are checked, with one repair attempt.
 */
final class ModelCalls {

  private final GatedCalls gate;
  private final Priority priority;
  private final CallOrigin origin;
  private final Tally tally;
  private final CallGroup group;

  ModelCalls(GatedCalls gate, Priority priority, CallOrigin origin, Tally tally, CallGroup group) {
    this.gate = gate;
    this.priority = priority;
    this.origin = origin;
    this.tally = tally;
    this.group = group;
  }

  /** The answer's text, or a stage failed with the gate's error. */
  CompletionStage<String> send(ChatRequest request) {
    GatedStream stream;
    try {
      stream = gate.start(request, priority, origin);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    group.track(stream);
    return stream
        .result()
        .whenComplete((result, error) -> record(stream, result))
        .thenApply(ChatResult::content);
  }

  /**
   * Sends the request and checks the answer against the format. An invalid answer gets one repair
   * attempt, the answer sent back with what was wrong; if that is invalid too the stage fails with
   * {@code INVALID_OUTPUT}.
   */
  CompletionStage<String> ask(ChatRequest request, OutputFormat format) {
    return send(request)
        .thenCompose(
            answer -> {
              OutputFormat.Checked first = format.check(answer);
              if (first.isValid()) {
                return CompletableFuture.completedFuture(first.output());
              }
              return send(Prompts.repair(request, answer, first.problem(), format))
                  .thenApply(repaired -> validAfterRepair(format.check(repaired)));
            });
  }

  private static String validAfterRepair(OutputFormat.Checked checked) {
    if (!checked.isValid()) {
      throw new AnalysisFailure(
          "INVALID_OUTPUT",
          "the model's answer was still invalid after one repair attempt: " + checked.problem());
    }
    return checked.output();
  }

  private void record(GatedStream stream, ChatResult result) {
    int tries = stream.attempts().size();
    if (result != null) {
      // An answered call took at least one try, even if a fake gate recorded none.
      tally.answered(result, Math.max(1, tries));
    } else {
      tally.failed(tries);
    }
  }
}
