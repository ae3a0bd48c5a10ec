package dev.sluice.simulator;

import java.util.ArrayList;
import java.util.List;

/** Splits a server-sent events body into its events, as a test reads the raw wire. */
record Sse(String event, String data) {

  static List<Sse> parse(String body) {
    List<Sse> events = new ArrayList<>();
    for (String block : body.split("\n\n")) {
      String event = null;
      StringBuilder data = new StringBuilder();
      for (String line : block.split("\n")) {
        if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
      if (event != null || data.length() > 0) {
        events.add(new Sse(event, data.toString()));
      }
    }
    return events;
  }
}
