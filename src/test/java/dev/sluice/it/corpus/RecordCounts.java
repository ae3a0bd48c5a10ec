package dev.sluice.it.corpus;

import dev.sluice.it.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts a user's records through the API (chats, documents, batches, and the messages of the
 * corpus chat), page by page, so that what refused requests left behind shows as a difference.
 */
final class RecordCounts {

  private final Http user;
  private final String chatId;

  RecordCounts(Http user, String chatId) {
    this.user = user;
    this.chatId = chatId;
  }

  Map<CorpusCase.Creates, Integer> now() {
    Map<CorpusCase.Creates, Integer> counts = new EnumMap<>(CorpusCase.Creates.class);
    counts.put(CorpusCase.Creates.CHAT, count("/api/chats"));
    counts.put(CorpusCase.Creates.DOCUMENT, count("/api/documents"));
    counts.put(CorpusCase.Creates.BATCH, count("/api/batches"));
    counts.put(CorpusCase.Creates.MESSAGE, count("/api/chats/" + chatId + "/messages"));
    return counts;
  }

  private int count(String path) {
    int total = 0;
    String after = null;
    do {
      HttpResponse<String> page =
          user.get(path + "?limit=100" + (after == null ? "" : "&after=" + after));
      if (page.statusCode() != 200) {
        throw new IllegalStateException(
            path + " answered " + page.statusCode() + ": " + page.body());
      }
      JsonStructure json = Http.json(page);
      if (json instanceof JsonArray messages) {
        // A chat's messages come as a list, paged by the last one's seq.
        total += messages.size();
        after =
            messages.size() < 100
                ? null
                : messages.getJsonObject(messages.size() - 1).getJsonNumber("seq").toString();
        continue;
      }
      JsonObject body = json.asJsonObject();
      total += body.getJsonArray("items").size();
      after = body.containsKey("next") && !body.isNull("next") ? body.getString("next") : null;
    } while (after != null);
    return total;
  }
}
