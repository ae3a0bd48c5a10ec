package dev.sluice.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.FinishReason;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.TokenCounter;
import dev.sluice.llm.Usage;
import dev.sluice.llm.http.HandlerReplay;
import dev.sluice.llm.http.HandlerReplay.Outcome;
import dev.sluice.llm.http.Transcripts;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiStreamHandlerTest {

  private static Outcome replay(List<byte[]> pieces) {
    return HandlerReplay.replay(OpenAiStreamHandler::new, pieces);
  }

  private static List<List<byte[]>> cuttings(String name) {
    return Transcripts.cuttings(Transcripts.load("openai/" + name));
  }

  @Test
  void aNormalStreamGivesTextUsageFinishAndModelHoweverItIsCut() {
    for (List<byte[]> pieces : cuttings("normal.sse")) {
      Outcome outcome = replay(pieces);
      assertThat(outcome.error()).isNull();
      assertThat(outcome.result().content()).isEqualTo("Bonjour café, 日本 🎉!");
      assertThat(outcome.result().usage()).isEqualTo(new Usage(20, 6, 8));
      assertThat(outcome.result().finishReason()).isEqualTo(FinishReason.STOP);
      assertThat(outcome.result().answeredModel()).isEqualTo("gpt-4o-mini-2024-07-18");
      assertThat(outcome.result().providerRequestId()).isEqualTo("chatcmpl-9xQ2");
      assertThat(outcome.text()).isEqualTo(outcome.result().content());
    }
  }

  @Test
  void anErrorChunkMidwayInterruptsTheStreamKeepingThePartialText() {
    for (List<byte[]> pieces : cuttings("error-midway.sse")) {
      Outcome outcome = replay(pieces);
      assertThat(outcome.error().kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
      assertThat(outcome.error().interruptedBy()).isEqualTo(LlmErrorKind.SERVER_ERROR);
      assertThat(outcome.error().partialContent()).isEqualTo("Partial answer");
      assertThat(outcome.error().getMessage()).contains("The server had an error");
      assertThat(outcome.cancelled()).isTrue();
    }
  }

  @Test
  void aServerWithoutUsageOrDoneCompletesAfterItsFinishReasonWithEstimatedUsage() {
    TokenCounter counter = TokenCounter.instance();
    Usage estimate =
        new Usage(counter.countPrompt(HandlerReplay.REQUEST), counter.count("Hi there"), 0, true);
    for (List<byte[]> pieces : cuttings("no-done.sse")) {
      Outcome outcome = replay(pieces);
      assertThat(outcome.result().content()).isEqualTo("Hi there");
      assertThat(outcome.result().finishReason()).isEqualTo(FinishReason.LENGTH);
      assertThat(outcome.result().usage()).isEqualTo(estimate);
      assertThat(estimate.inputTokens()).isPositive();
      assertThat(estimate.outputTokens()).isPositive();
      assertThat(outcome.result().answeredModel()).isEqualTo("llama3.2:1b");
    }
  }

  @Test
  void commentsCrlfAndEmptyChoicesAreHandled() {
    for (List<byte[]> pieces : cuttings("comments-crlf.sse")) {
      Outcome outcome = replay(pieces);
      assertThat(outcome.result().content()).isEqualTo("Line one\nline two — naïve");
      assertThat(outcome.result().finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
      assertThat(outcome.result().usage()).isEqualTo(new Usage(5, 3, 0));
    }
  }

  @Test
  void aStreamCutBeforeItsFinishIsInterrupted() {
    for (List<byte[]> pieces : cuttings("truncated.sse")) {
      Outcome outcome = replay(pieces);
      assertThat(outcome.error().kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
      assertThat(outcome.error().getMessage()).contains("stream ended early");
      assertThat(outcome.error().partialContent()).isEqualTo("Once upon a time");
    }
  }

  @Test
  void malformedJsonIsAServerError() {
    Outcome outcome = replay(List.of(Transcripts.load("openai/malformed.sse")));
    assertThat(outcome.error().kind()).isEqualTo(LlmErrorKind.SERVER_ERROR);
    assertThat(outcome.error().getMessage()).startsWith("malformed event");
    assertThat(outcome.cancelled()).isTrue();
  }

  @Test
  void finishReasonsAreNormalised() {
    assertThat(OpenAiStreamHandler.finishReason("stop")).isEqualTo(FinishReason.STOP);
    assertThat(OpenAiStreamHandler.finishReason("length")).isEqualTo(FinishReason.LENGTH);
    assertThat(OpenAiStreamHandler.finishReason("content_filter"))
        .isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(OpenAiStreamHandler.finishReason("tool_calls")).isEqualTo(FinishReason.TOOL_USE);
    assertThat(OpenAiStreamHandler.finishReason("function_call")).isEqualTo(FinishReason.TOOL_USE);
    assertThat(OpenAiStreamHandler.finishReason("eos")).isEqualTo(FinishReason.OTHER);
  }
}
