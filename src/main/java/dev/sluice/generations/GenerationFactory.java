package dev.sluice.generations;

import dev.sluice.admission.Attempt;
import dev.sluice.admission.AttemptsJson;
import dev.sluice.admission.ProviderCallEnded;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.TokenCounter;
import dev.sluice.platform.concurrent.Causes;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/** Turns the gate's "call ended" event into the row that records it. */
final class GenerationFactory {

  private static final int MAX_ERROR_CHARS = 2000;

  private GenerationFactory() {}

  static Generation of(String id, ProviderCallEnded call, TextPolicy text) {
    ChatResult result = call.result();
    Throwable error = Causes.unwrap(call.error());
    List<Attempt> attempts = call.attempts();
    boolean keepText = text.keeps(call.origin().source());
    Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    return new Generation(
        id,
        call.startedAt(),
        call.endedAt(),
        call.origin().source(),
        call.origin().reference(),
        call.origin().batchId(),
        call.origin().owner(),
        call.request().model(),
        result == null ? null : result.answeredModel(),
        result != null ? result.provider() : last == null ? null : last.provider(),
        call.priority().name(),
        status(result, error),
        result == null ? errorKind(error) : null,
        result == null ? errorMessage(error) : null,
        attempts.size(),
        AttemptsJson.of(attempts),
        String.join(",", chain(attempts)),
        gateWait(attempts).toMillis(),
        result == null || result.timeToFirstToken() == null
            ? null
            : result.timeToFirstToken().toMillis(),
        Duration.between(call.startedAt(), call.endedAt()).toMillis(),
        result == null || result.usage() == null ? 0 : result.usage().inputTokens(),
        result == null || result.usage() == null
            ? tokensSeen(error)
            : result.usage().outputTokens(),
        result == null || result.usage() == null
            ? estimatedOnFailure(error)
            : result.usage().estimated(),
        result == null || result.costUsd() == null ? BigDecimal.ZERO : result.costUsd(),
        keepText ? text.cut(call.request().lastUserText()) : null,
        keepText && result != null ? text.cut(result.content()) : null);
  }

  private static GenerationStatus status(ChatResult result, Throwable error) {
    if (result != null) {
      return GenerationStatus.COMPLETED;
    }
    if (error instanceof LlmException e && e.kind() == LlmErrorKind.STREAM_INTERRUPTED) {
      return GenerationStatus.INTERRUPTED;
    }
    boolean cancelled =
        error instanceof CancellationException
            || (error instanceof LlmException e && e.kind() == LlmErrorKind.CANCELLED);
    return cancelled ? GenerationStatus.CANCELLED : GenerationStatus.FAILED;
  }

  /**
   * Output tokens of a call that streamed text and then broke off: counted from that text, as the
   * provider's usage report comes only at the end.
   */
  private static long tokensSeen(Throwable error) {
    if (error instanceof LlmException e && e.partialContent() != null) {
      return TokenCounter.instance().count(e.partialContent());
    }
    return 0;
  }

  /** A broken-off call's output tokens are counted from its partial text: an estimate. */
  private static boolean estimatedOnFailure(Throwable error) {
    return tokensSeen(error) > 0;
  }

  private static String errorKind(Throwable error) {
    if (error instanceof LlmException e) {
      return e.kind().name();
    }
    if (error instanceof CancellationException) {
      return LlmErrorKind.CANCELLED.name();
    }
    return error == null ? null : "INTERNAL";
  }

  private static String errorMessage(Throwable error) {
    if (error == null) {
      return null;
    }
    // Only the gate's and adapters' own messages: an unexpected exception's text may say anything.
    String message = error instanceof LlmException ? error.getMessage() : "unexpected failure";
    if (message == null) {
      return null;
    }
    return message.length() <= MAX_ERROR_CHARS ? message : message.substring(0, MAX_ERROR_CHARS);
  }

  private static Set<String> chain(List<Attempt> attempts) {
    Set<String> models = new LinkedHashSet<>();
    attempts.forEach(a -> models.add(a.model()));
    return models;
  }

  private static Duration gateWait(List<Attempt> attempts) {
    Duration total = Duration.ZERO;
    for (Attempt a : attempts) {
      if (a.queueWait() != null) {
        total = total.plus(a.queueWait());
      }
    }
    return total;
  }
}
