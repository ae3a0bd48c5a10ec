package dev.sluice.llm.http;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * An incremental Server-Sent Events parser following the WHATWG HTML "event stream interpretation":
 * text arrives in arbitrary pieces, lines end with CRLF, LF or CR (also when the CR and LF of one
 * line end arrive in different pieces), and each blank line dispatches the event gathered so far.
 * Not thread-safe: one parser per stream.
 */
public final class SseParser {

  private static final String DEFAULT_EVENT = "message";

  private final Consumer<SseEvent> sink;
  private final StringBuilder line = new StringBuilder();
  private final StringBuilder data = new StringBuilder();
  private String eventType = "";
  private String lastEventId = "";
  private long retryMillis = -1;
  private boolean afterCr;
  private boolean started;

  public SseParser(Consumer<SseEvent> sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** Feeds the next piece of text; complete events go to the sink before this returns. */
  public void feed(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!started) {
        started = true;
        if (c == '\uFEFF') {
          continue;
        }
      }
      if (c == '\n' && afterCr) {
        afterCr = false;
        continue;
      }
      afterCr = c == '\r';
      if (c == '\r' || c == '\n') {
        endLine();
      } else {
        line.append(c);
      }
    }
  }

  /** Ends the stream; as the spec says, an event not closed by a blank line is discarded. */
  public void finish() {
    line.setLength(0);
    data.setLength(0);
    eventType = "";
  }

  /** The reconnection time the stream asked for, or -1 if it sent none. */
  public long retryMillis() {
    return retryMillis;
  }

  private void endLine() {
    if (line.length() == 0) {
      dispatch();
      return;
    }
    if (line.charAt(0) != ':') {
      int colon = line.indexOf(":");
      String field = colon < 0 ? line.toString() : line.substring(0, colon);
      int valueStart = colon < 0 ? line.length() : colon + 1;
      if (valueStart < line.length() && line.charAt(valueStart) == ' ') {
        valueStart++;
      }
      field(field, line.substring(valueStart));
    }
    line.setLength(0);
  }

  private void field(String name, String value) {
    switch (name) {
      case "event" -> eventType = value;
      case "data" -> data.append(value).append('\n');
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastEventId = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty()
            && value.length() <= 18
            && value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
          retryMillis = Long.parseLong(value);
        }
      }
      default -> {
        // Unknown fields are ignored, as the spec says.
      }
    }
  }

  private void dispatch() {
    if (data.length() == 0) {
      eventType = "";
      return;
    }
    data.setLength(data.length() - 1);
    SseEvent event =
        new SseEvent(eventType.isEmpty() ? DEFAULT_EVENT : eventType, data.toString(), lastEventId);
    data.setLength(0);
    eventType = "";
    sink.accept(event);
  }
}
