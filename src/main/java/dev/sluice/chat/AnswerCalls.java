package dev.sluice.chat;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.ProviderCallEnded;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.RateLimitSnapshot;
import dev.sluice.llm.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A chat answer's provider call as its record should say, rebuilt from the answer's row, for calls
 * whose record a crash took: one cut while it ran, or one that ended just before the crash while
 * its record still waited in the buffer. It spans the answer's creation to its last write.
 */
final class AnswerCalls {

  static final String CUT = "the server stopped while this call was running";

  private AnswerCalls() {}

  /** A call cut by the stop; {@code streamed} is the text saved before it ("" if none). */
  static ProviderCallEnded cut(
      ChatMessage answer, String owner, String question, String streamed, Instant lastWritten) {
    LlmException error =
        LlmException.builder(LlmErrorKind.STREAM_INTERRUPTED, CUT)
            .model(answer.modelRequested())
            .partialContent(streamed)
            .build();
    return call(answer, owner, question, lastWritten, null, error);
  }

  /** A call that ended as the answer says (completed, or interrupted with its text). */
  static ProviderCallEnded ended(EndedAnswer ended) {
    ChatMessage a = ended.answer();
    if (a.status() != MessageStatus.COMPLETED) {
      return cut(a, ended.owner(), ended.question(), a.content(), a.updatedAt());
    }
    ChatResult result =
        new ChatResult(
            a.content(),
            new Usage(tokens(a.inputTokens()), tokens(a.outputTokens()), tokens(a.cachedTokens())),
            FinishReason.STOP,
            a.modelRequested(),
            a.modelAnswered(),
            null,
            null,
            a.timeToFirstTokenMs() == null ? null : Duration.ofMillis(a.timeToFirstTokenMs()),
            a.totalTimeMs() == null ? null : Duration.ofMillis(a.totalTimeMs()),
            a.costUsd(),
            RateLimitSnapshot.NONE);
    return call(a, ended.owner(), ended.question(), a.updatedAt(), result, null);
  }

  private static ProviderCallEnded call(
      ChatMessage answer,
      String owner,
      String question,
      Instant ended,
      ChatResult result,
      Throwable error) {
    Instant started = answer.createdAt().isAfter(ended) ? ended : answer.createdAt();
    return new ProviderCallEnded(
        CallOrigin.chat(owner, answer.id()),
        ChatRequest.of(answer.modelRequested(), List.of(dev.sluice.llm.ChatMessage.user(question))),
        answer.priority(),
        started,
        ended,
        result,
        error,
        List.of());
  }

  private static long tokens(Integer n) {
    return n == null ? 0 : n;
  }
}
