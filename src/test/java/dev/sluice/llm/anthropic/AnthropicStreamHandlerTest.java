package dev.sluice.llm.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.FinishReason;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.StreamEvent;
import dev.sluice.llm.TokenCounter;
import dev.sluice.llm.Usage;
import dev.sluice.llm.http.HandlerReplay;
import dev.sluice.llm.http.HandlerReplay.Outcome;
import dev.sluice.llm.http.JsonSupport;
import dev.sluice.llm.http.Transcripts;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicStreamHandlerTest {

  private static Outcome replay(List<byte[]> pieces) {
    return HandlerReplay.replay(AnthropicStreamHandler::new, pieces);
  }

  private static List<List<byte[]>> cuttings(String name) {
    return Transcripts.cuttings(Transcripts.load("anthropic/" + name));
  }

  @Test
  void aNormalStreamGivesTextUsageWithCacheAndFinishHoweverItIsCut() {
    for (List<byte[]> pieces : cuttings("normal.sse")) {
      Outcome outcome = replay(pieces);
      assertThat(outcome.error()).isNull();
      assertThat(outcome.result().content()).isEqualTo("Hello, wörld — 日本語 👋🏽");
      // input 25 + cache read 100 + cache creation 10; the cache read is the cached part
      assertThat(outcome.result().usage()).isEqualTo(new Usage(135, 15, 100));
      assertThat(outcome.result().finishReason()).isEqualTo(FinishReason.STOP);
      assertThat(outcome.result().answeredModel()).isEqualTo("claude-sonnet-4-5-20250929");
      assertThat(outcome.result().providerRequestId()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
    }
  }

  @Test
  void anOverloadedErrorEventMidwayInterruptsTheStream() {
    for (List<byte[]> pieces : cuttings("error-midway.sse")) {
      Outcome outcome = replay(pieces);
      assertThat(outcome.error().kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
      assertThat(outcome.error().interruptedBy()).isEqualTo(LlmErrorKind.OVERLOADED);
      assertThat(outcome.error().partialContent()).isEqualTo("Let me think");
    }
  }

  @Test
  void anErrorEventBeforeAnyTextKeepsItsRetryableKind() {
    Outcome outcome = replay(List.of(Transcripts.load("anthropic/error-before-text.sse")));
    assertThat(outcome.error().kind()).isEqualTo(LlmErrorKind.RATE_LIMITED);
    assertThat(outcome.error().retryable()).isTrue();
    assertThat(outcome.events()).last().isInstanceOf(StreamEvent.Failed.class);
  }

  @Test
  void stopSequenceThinkingBlocksAndUnknownEvents() {
    for (List<byte[]> pieces : cuttings("stop-sequence.sse")) {
      Outcome outcome = replay(pieces);
      assertThat(outcome.result().content()).isEqualTo("one, two, ");
      assertThat(outcome.result().finishReason()).isEqualTo(FinishReason.STOP_SEQUENCE);
      assertThat(outcome.result().usage()).isEqualTo(new Usage(12, 4, 0));
    }
  }

  @Test
  void aCompatibleServerWithoutUsageGetsAnEstimateMarkedAsSuch() {
    TokenCounter counter = TokenCounter.instance();
    Usage estimate =
        new Usage(
            counter.countPrompt(HandlerReplay.REQUEST), counter.count("No usage here"), 0, true);
    for (List<byte[]> pieces : cuttings("no-usage.sse")) {
      Outcome outcome = replay(pieces);
      assertThat(outcome.result().content()).isEqualTo("No usage here");
      assertThat(outcome.result().usage()).isEqualTo(estimate);
      assertThat(outcome.events()).contains(new StreamEvent.UsageReported(estimate));
    }
  }

  @Test
  void aStreamWithoutMessageStopIsInterrupted() {
    for (List<byte[]> pieces : cuttings("truncated.sse")) {
      Outcome outcome = replay(pieces);
      assertThat(outcome.error().kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
      assertThat(outcome.error().interruptedBy()).isEqualTo(LlmErrorKind.SERVER_ERROR);
      assertThat(outcome.error().partialContent()).isEqualTo("Cut off");
    }
  }

  @Test
  void stopReasonsAreNormalised() {
    assertThat(AnthropicStreamHandler.finishReason("end_turn")).isEqualTo(FinishReason.STOP);
    assertThat(AnthropicStreamHandler.finishReason("max_tokens")).isEqualTo(FinishReason.LENGTH);
    assertThat(AnthropicStreamHandler.finishReason("stop_sequence"))
        .isEqualTo(FinishReason.STOP_SEQUENCE);
    assertThat(AnthropicStreamHandler.finishReason("tool_use")).isEqualTo(FinishReason.TOOL_USE);
    assertThat(AnthropicStreamHandler.finishReason("refusal"))
        .isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(AnthropicStreamHandler.finishReason("pause_turn")).isEqualTo(FinishReason.OTHER);
  }

  /**
   * Found with AnthropicStreamHandlerFuzzTest (seed usage-beyond-long): the summed input wrapped
   * negative and Usage threw, failing the answer as a malformed event.
   */
  @Test
  void absurdTokenCountsStopAtTheLargestLongInsteadOfFailingTheStream() {
    JsonObject huge =
        JsonSupport.parseObject(
            "{\"input_tokens\":9223372036854775807,\"cache_read_input_tokens\":100,"
                + "\"cache_creation_input_tokens\":18446744073709551617,\"output_tokens\":1e30}");

    assertThat(AnthropicStreamHandler.usage(huge))
        .isEqualTo(new Usage(Long.MAX_VALUE, Long.MAX_VALUE, 100));
  }
}
