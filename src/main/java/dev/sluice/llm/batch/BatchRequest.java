package dev.sluice.llm.batch;

import dev.sluice.llm.ChatRequest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One request of a batch.
 *
 * @param customId the caller's id of the request, unique in its batch, by which its result comes
 *     back; 1 to 64 letters, digits, {@code _} or {@code -} (the stricter of the providers' rules,
 *     so that a request can go to either)
 * @param request what to ask; answered whole, not streamed
 */
public record BatchRequest(String customId, ChatRequest request) {

  private static final Pattern CUSTOM_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  public BatchRequest {
    Objects.requireNonNull(customId, "customId");
    Objects.requireNonNull(request, "request");
    if (!CUSTOM_ID.matcher(customId).matches()) {
      throw new IllegalArgumentException(
          "a custom id is 1 to 64 letters, digits, '_' or '-', not '" + customId + "'");
    }
  }
}
