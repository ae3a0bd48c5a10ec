package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The baseline client's reading of the simulator's OpenAI event stream. */
class DirectProbeTest {

  private static final long MS = 1_000_000;

  private RoundTally tally;
  private DirectProbe probe;
  private long base;

  @BeforeEach
  void send() {
    tally = new RoundTally(500 * MS, 20 * MS, 1);
    probe = new DirectProbe(tally);
    probe.posting();
    base = probe.sentNanos();
  }

  @Test
  void timesTheFirstContentChunkNotTheRoleChunk() {
    line(chunk("{\"role\":\"assistant\",\"content\":\"\"}"), 2);
    line(chunk("{\"content\":\"Hello\"}"), 503);
    line(chunk("{\"content\":\" there\"}"), 525);
    line(chunk("{}", "\"stop\""), 526);
    line("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3}}", 526);
    line("", 526);
    line("data: [DONE]", 527);

    assertThat(probe.ending()).isEqualTo("completed");
    assertThat(probe.chunks()).isEqualTo(2);
    assertThat(tally.firstToken.percentileMillis(50)).isCloseTo(503.05, offset(0.01));
    assertThat(tally.firstTokenDelay.percentileMillis(50)).isCloseTo(3.05, offset(0.01));
    assertThat(tally.chunkGap.percentileMillis(50)).isCloseTo(22.05, offset(0.01));
    assertThat(tally.started.getCount()).isZero();
    assertThat(tally.ended.getCount()).isZero();
  }

  @Test
  void aStreamEndingWithoutDoneIsNotCompleted() {
    probe.headers(status(200));
    line(chunk("{\"content\":\"a\"}"), 500);
    probe.onComplete();

    assertThat(probe.ending()).isEqualTo("ended without [DONE]");
    assertThat(tally.postLatency.count()).isEqualTo(1);
  }

  @Test
  void anErrorStatusEndsTheStreamWithIt() {
    probe.headers(status(429));
    line("{\"error\":{\"message\":\"Rate limit reached\"}}", 1);
    probe.onComplete();

    assertThat(probe.ending()).isEqualTo("answered 429");
    assertThat(probe.chunks()).isZero();
  }

  private static HttpResponse.ResponseInfo status(int code) {
    return new HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return code;
      }

      @Override
      public HttpHeaders headers() {
        return HttpHeaders.of(Map.of(), (a, b) -> true);
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }

  @Test
  void aFailedRequestStillCountsAsStartedAndEnded() {
    probe.failed(new java.io.IOException("refused"));

    assertThat(probe.ending()).isEqualTo("request failed: IOException");
    assertThat(tally.started.getCount()).isZero();
    assertThat(tally.ended.getCount()).isZero();
    assertThat(tally.firstToken.count()).isZero();
  }

  @Test
  void outcomeCountsChunksShortOfTheAnswerAsLost() {
    line(chunk("{\"content\":\"a\"}"), 500);
    line("data: [DONE]", 501);

    ChatOutcome outcome =
        ChatOutcome.ofDirect(java.util.List.of(probe), 3, java.time.Duration.ZERO, true);

    assertThat(outcome.completed()).isEqualTo(1);
    assertThat(outcome.intact()).isZero();
    assertThat(outcome.lost()).isEqualTo(2);
  }

  private void line(String text, long atMillis) {
    probe.line(text, base + atMillis * MS);
  }

  private static String chunk(String delta) {
    return chunk(delta, "null");
  }

  private static String chunk(String delta, String finishReason) {
    return "data: {\"id\":\"chatcmpl-sim-1\",\"object\":\"chat.completion.chunk\",\"choices\":"
        + "[{\"index\":0,\"delta\":"
        + delta
        + ",\"logprobs\":null,\"finish_reason\":"
        + finishReason
        + "}]}";
  }
}
