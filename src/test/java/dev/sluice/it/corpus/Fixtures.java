package dev.sluice.it.corpus;

import java.util.Map;

/**
 * Real records and names the corpus aims at, so that one spoiled parameter is the only thing wrong
 * with a request: every other path parameter names something that exists, and bodies are valid but
 * for the field under test.
 */
record Fixtures(String chatId, String documentId, String batchId, String lane, String modelId) {

  private static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";

  /** A value of path parameter {@code param} of {@code path} that names something real. */
  String validPathValue(String path, String param) {
    if (param.equals("messageId")) {
      return NO_SUCH_ID;
    }
    if (path.startsWith("/api/chats/")) {
      return chatId;
    }
    if (path.startsWith("/api/documents/")) {
      return documentId;
    }
    if (path.startsWith("/api/batches/") || path.startsWith("/api/admin/batches/")) {
      return batchId;
    }
    if (path.startsWith("/api/admin/lanes/")) {
      return lane;
    }
    if (path.startsWith("/api/admin/providers/") || path.startsWith("/api/admission/breakers/")) {
      return "simulated";
    }
    if (path.startsWith("/api/admin/queues/")) {
      return "ChatJobs";
    }
    if (path.startsWith("/api/models/")) {
      return modelId;
    }
    return NO_SUCH_ID;
  }

  /**
   * A valid body for the JSON operation {@code method path}, or {@code null} when it takes none.
   */
  String validBody(String method, String path) {
    Map<String, String> bodies =
        Map.of(
            "POST /api/chats", "{\"title\":\"corpus chat\"}",
            "POST /api/chats/{id}/messages", "{\"content\":\"A corpus question.\"}",
            "POST /api/documents", "{\"title\":\"corpus document\",\"text\":\"Some text.\"}",
            "POST /api/batches",
                "{\"documentIds\":[\"" + documentId + "\"],\"analyses\":[\"summary\"]}",
            // Empty: a lane change the corpus gets through alters nothing.
            "PUT /api/admin/lanes/{lane}", "{}");
    return bodies.get(method + " " + path);
  }
}
