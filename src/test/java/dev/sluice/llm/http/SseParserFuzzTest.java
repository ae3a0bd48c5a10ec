package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes {@link SseParser} against a plain, whole-text reading of the WHATWG event stream rules:
 * however the text is cut into pieces, the parser dispatches exactly the events the text holds,
 * none lost, none twice, and keeps the same retry value. Seeds: the recorded transcripts.
 */
class SseParserFuzzTest {

  private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");

  @FuzzTest(maxDuration = "15s")
  void piecesGiveTheEventsOfTheWholeText(FuzzedDataProvider data) {
    int[] lengths = FuzzPieces.lengths(data);
    String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);

    List<SseEvent> events = new ArrayList<>();
    SseParser parser = new SseParser(events::add);
    for (String piece : FuzzPieces.cut(text, lengths)) {
      parser.feed(piece);
    }
    parser.finish();

    Reading expected = Reading.of(text);
    assertThat(events).isEqualTo(expected.events);
    assertThat(parser.retryMillis()).isEqualTo(expected.retryMillis).isGreaterThanOrEqualTo(-1);
  }

  /** The reference: the spec's steps over the whole text, one complete line at a time. */
  private static final class Reading {
    final List<SseEvent> events = new ArrayList<>();
    long retryMillis = -1;
    private String type = "";
    private final StringBuilder data = new StringBuilder();
    private String lastId = "";

    static Reading of(String text) {
      Reading reading = new Reading();
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      Matcher end = LINE_END.matcher(body);
      int start = 0;
      while (end.find()) {
        reading.line(body.substring(start, end.start()));
        start = end.end();
      }
      // The unterminated rest and any event it belongs to are dropped at the end of the stream.
      return reading;
    }

    private void line(String line) {
      if (line.isEmpty()) {
        dispatch();
      } else if (!line.startsWith(":")) {
        int colon = line.indexOf(':');
        String name = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        field(name, value.startsWith(" ") ? value.substring(1) : value);
      }
    }

    private void field(String name, String value) {
      switch (name) {
        case "event" -> type = value;
        case "data" -> data.append(value).append('\n');
        case "id" -> lastId = value.contains("\0") ? lastId : value;
        // Longer values are ignored: no sensible delay needs 19 digits, and they may not fit.
        case "retry" ->
            retryMillis = value.matches("[0-9]{1,18}") ? Long.parseLong(value) : retryMillis;
        default -> {}
      }
    }

    private void dispatch() {
      if (data.length() > 0) {
        String joined = data.substring(0, data.length() - 1);
        events.add(new SseEvent(type.isEmpty() ? "message" : type, joined, lastId));
      }
      data.setLength(0);
      type = "";
    }
  }
}
