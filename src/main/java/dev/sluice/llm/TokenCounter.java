package dev.sluice.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts tokens with a real BPE tokenizer (jtokkit's {@code o200k_base}, the encoding of OpenAI's
 * current models). For other providers' models the count is an estimate, close enough for budgets
 * and context trimming; the provider's reported usage is what gets billed.
 *
 * <p>Counts are kept per text, up to {@link #CACHED_CHARS} characters of texts: every call of a
 * chat counts its whole history again (the gate's estimate, the context trimming), so without them
 * a conversation's n-th answer would tokenize all n questions and answers before it once more.
 */
public final class TokenCounter {

  /** Tokens a chat format adds around each message, and once to prime the answer. */
  static final int PER_MESSAGE_OVERHEAD = 4;

  static final int REPLY_PRIMING = 3;

  /** A flat estimate per image: a high-detail 512x512 tile plus base cost on OpenAI's scale. */
  static final int PER_IMAGE_ESTIMATE = 255;

  private static final Encoding ENCODING =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  /** The characters of the texts whose counts are kept, at most (about as many bytes of heap). */
  static final long CACHED_CHARS = 4_000_000;

  private static final TokenCounter INSTANCE = new TokenCounter(CACHED_CHARS);

  private final Cache<String, Integer> counts;

  TokenCounter(long cachedChars) {
    counts =
        Caffeine.newBuilder()
            .maximumWeight(cachedChars)
            .weigher((String text, Integer count) -> text.length())
            // Evictions on the counting thread, not on the common pool beside the server's own.
            .executor(Runnable::run)
            .build();
  }

  public static TokenCounter instance() {
    return INSTANCE;
  }

  public int count(String text) {
    return text == null || text.isEmpty() ? 0 : counts.get(text, ENCODING::countTokensOrdinary);
  }

  /** The characters of the texts whose counts are kept now. */
  long cachedChars() {
    counts.cleanUp();
    return counts.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  /** Prompt tokens of a whole request, including per-message overhead and images. */
  public int countPrompt(ChatRequest request) {
    int total = REPLY_PRIMING;
    for (ChatMessage message : request.messages()) {
      total += PER_MESSAGE_OVERHEAD + count(message.text());
      total += PER_IMAGE_ESTIMATE * message.images().size();
    }
    return total;
  }

  /** Splits text into token-sized pieces, in order; joined they give the text back. */
  public List<String> split(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    IntArrayList tokens = ENCODING.encodeOrdinary(text);
    List<String> pieces = new ArrayList<>(tokens.size());
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    IntArrayList one = new IntArrayList(1);
    int emitted = 0;
    for (int i = 0; i < tokens.size(); i++) {
      one.clear();
      one.add(tokens.get(i));
      pending.writeBytes(ENCODING.decodeBytes(one));
      String decoded = pending.toString(StandardCharsets.UTF_8);
      // A token may end inside a multi-byte character: hold its bytes until the character is whole.
      if (!decoded.endsWith("\uFFFD")) {
        pieces.add(decoded);
        emitted += decoded.length();
        pending.reset();
      }
    }
    if (emitted < text.length()) {
      pieces.add(text.substring(emitted));
    }
    return pieces;
  }
}
