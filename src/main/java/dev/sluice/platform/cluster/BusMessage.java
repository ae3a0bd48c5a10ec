package dev.sluice.platform.cluster;

import dev.sluice.platform.json.JsonFactories;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * One message on the {@code ClusterEvents} topic: the events one node published while its previous
 * message was being sent, in the order it published them. Its JSON is written and read with JSON-P
 * directly: a busy node sends thousands of events a second, and binding each through reflection
 * cost more than anything else on the way.
 *
 * @param origin the sending node's id (a node skips its own messages)
 * @param sequence 1, 2, 3 ... per origin: a receiver that sees a gap knows it missed some
 * @param events the events, oldest first
 */
public record BusMessage(String origin, long sequence, List<ClusterEvent> events) {

  String toJson() {
    JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
    for (ClusterEvent event : events) {
      list.add(
          JsonFactories.BUILDERS
              .createObjectBuilder()
              .add("kind", event.kind())
              .add("body", event.body()));
    }
    return JsonFactories.BUILDERS
        .createObjectBuilder()
        .add("origin", origin)
        .add("sequence", sequence)
        .add("events", list)
        .build()
        .toString();
  }

  static BusMessage fromJson(String json) {
    JsonObject message;
    try (var reader = JsonFactories.READERS.createReader(new StringReader(json))) {
      message = reader.readObject();
    }
    JsonArray list = message.getJsonArray("events");
    List<ClusterEvent> events = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonObject event = list.getJsonObject(i);
      events.add(new ClusterEvent(event.getString("kind"), event.getJsonObject("body")));
    }
    return new BusMessage(
        message.getString("origin"), message.getJsonNumber("sequence").longValue(), events);
  }
}
