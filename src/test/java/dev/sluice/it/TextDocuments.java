package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Text documents uploaded through the API, for the batch tests. */
final class TextDocuments {

  private TextDocuments() {}

  /**
   * Uploads {@code n} documents as {@code user}, each titled {@code title} with its number and a
   * random suffix, each text {@code text} with its number; returns their ids in order.
   */
  static List<String> upload(Http user, int n, String title, String text) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String body =
          Json.createObjectBuilder()
              .add("title", title + " " + i + " " + UUID.randomUUID())
              .add("text", text + " Number " + i + ".")
              .build()
              .toString();
      HttpResponse<String> created = user.postJson("/api/documents", body);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      ids.add(Http.json(created).asJsonObject().getString("id"));
    }
    return ids;
  }
}
