package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseParserTest {

  private static List<SseEvent> parse(String... pieces) {
    List<SseEvent> events = new ArrayList<>();
    SseParser parser = new SseParser(events::add);
    for (String piece : pieces) {
      parser.feed(piece);
    }
    parser.finish();
    return events;
  }

  @Test
  void dataLinesAreJoinedWithNewlines() {
    assertThat(parse("data: first\ndata: second\ndata:\ndata:  third\n\n"))
        .containsExactly(new SseEvent("message", "first\nsecond\n\n third", ""));
  }

  @Test
  void eventIdAndRetryFields() {
    List<SseEvent> events = new ArrayList<>();
    SseParser parser = new SseParser(events::add);
    parser.feed("retry: 2500\nid: 7\nevent: ping\ndata: {}\n\ndata: next\n\nretry: soon\n");
    assertThat(events)
        .containsExactly(new SseEvent("ping", "{}", "7"), new SseEvent("message", "next", "7"));
    assertThat(parser.retryMillis()).isEqualTo(2500);
  }

  @Test
  void commentsAndUnknownFieldsAreIgnored() {
    assertThat(parse(": hello\n:\nfoo: bar\ndata: x\n\n"))
        .containsExactly(new SseEvent("message", "x", ""));
  }

  @Test
  void anEventWithoutDataIsNotDispatchedAndItsTypeIsForgotten() {
    assertThat(parse("event: lonely\n\ndata: after\n\n"))
        .containsExactly(new SseEvent("message", "after", ""));
  }

  @Test
  void onlyOneLeadingSpaceIsStrippedAndAFieldWithoutColonHasAnEmptyValue() {
    assertThat(parse("data:   two spaces kept\ndata\n\n"))
        .containsExactly(new SseEvent("message", "  two spaces kept\n", ""));
  }

  @Test
  void aLeadingByteOrderMarkIsSkippedOnce() {
    assertThat(parse("\uFEFFdata: a\n\n\uFEFFdata: b\n\n"))
        .extracting(SseEvent::data)
        .containsExactly("a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void everyLineEndWorks(String end) {
    String stream =
        "event: e" + end + "data: 1" + end + "data: 2" + end + end + "data: 3" + end + end;
    assertThat(parse(stream))
        .containsExactly(new SseEvent("e", "1\n2", ""), new SseEvent("message", "3", ""));
  }

  @Test
  void aCrAtTheEndOfOneChunkAndLfAtTheStartOfTheNextAreOneLineEnd() {
    assertThat(parse("data: a\r", "\ndata: b\r", "\n\r", "\n"))
        .containsExactly(new SseEvent("message", "a\nb", ""));
  }

  @Test
  void anEventNotClosedByABlankLineIsDiscardedAtTheEnd() {
    assertThat(parse("data: whole\n\ndata: half"))
        .extracting(SseEvent::data)
        .containsExactly("whole");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "openai/normal.sse",
        "openai/error-midway.sse",
        "openai/no-done.sse",
        "openai/comments-crlf.sse",
        "openai/truncated.sse",
        "anthropic/normal.sse",
        "anthropic/error-midway.sse",
        "anthropic/stop-sequence.sse"
      })
  void transcriptsGiveTheSameEventsHoweverTheBytesAreCut(String name) {
    byte[] bytes = Transcripts.load(name);
    List<SseEvent> whole = Transcripts.parse(List.of(bytes));
    assertThat(whole).isNotEmpty();
    for (List<byte[]> pieces : Transcripts.cuttings(bytes)) {
      assertThat(Transcripts.parse(pieces)).isEqualTo(whole);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\n", "\r"})
  void transcriptsGiveTheSameEventsWithOtherLineEnds(String end) {
    String lf = new String(Transcripts.load("anthropic/normal.sse"), StandardCharsets.UTF_8);
    byte[] other = lf.replace("\n", end).getBytes(StandardCharsets.UTF_8);
    List<SseEvent> expected = Transcripts.parse(List.of(lf.getBytes(StandardCharsets.UTF_8)));
    for (List<byte[]> pieces : Transcripts.cuttings(other)) {
      assertThat(Transcripts.parse(pieces)).isEqualTo(expected);
    }
  }

  @Test
  void theNormalOpenAiTranscriptEndsWithDone() {
    List<SseEvent> events = Transcripts.parse(List.of(Transcripts.load("openai/normal.sse")));
    assertThat(events).hasSize(7);
    assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    assertThat(events.get(2).data()).contains("café, 日本");
  }

  @Test
  void anthropicEventsKeepTheirNames() {
    List<SseEvent> events = Transcripts.parse(List.of(Transcripts.load("anthropic/normal.sse")));
    assertThat(events)
        .extracting(SseEvent::event)
        .containsExactly(
            "message_start",
            "content_block_start",
            "ping",
            "content_block_delta",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
  }
}
