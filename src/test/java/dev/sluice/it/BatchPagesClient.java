package dev.sluice.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code /api/batches} as a user does: every result of a batch page by page, their count. */
final class BatchPagesClient {

  private BatchPagesClient() {}

  /** Every result of the batch, following {@code next} with pages of {@code pageSize}. */
  static List<JsonObject> allResults(Http user, String batchId, int pageSize) {
    List<JsonObject> all = new ArrayList<>();
    String after = null;
    do {
      JsonObject page =
          Http.json(
                  user.get(
                      "/api/batches/"
                          + batchId
                          + "/results?limit="
                          + pageSize
                          + (after == null ? "" : "&after=" + after)))
              .asJsonObject();
      all.addAll(page.getJsonArray("items").getValuesAs(JsonObject.class));
      after = page.containsKey("next") && !page.isNull("next") ? page.getString("next") : null;
    } while (after != null);
    return all;
  }

  /** How many batches the user has (up to 100). */
  static int count(Http user) {
    return Http.json(user.get("/api/batches?limit=100"))
        .asJsonObject()
        .getJsonArray("items")
        .size();
  }

  /** Ids as a JSON array. */
  static String ids(List<String> ids) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    ids.forEach(array::add);
    return array.build().toString();
  }
}
