package dev.sluice.llm.simulated;

import dev.sluice.llm.TokenCounter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the simulated model's text: readable English-like sentences from a fixed vocabulary,
 * derived from a hash of the input and the seed, so the same prompt always gets the same answer and
 * a different prompt a different one. Answers open with an echo of the prompt so a person can see
 * what they answer.
 */
public final class SimulatedText {

  private static final String[] WORDS = {
    "the", "system", "queue", "answer", "request", "stream", "token", "model", "batch", "document",
    "river", "gate", "water", "flow", "steady", "quickly", "carefully", "every", "each", "small",
    "large", "simple", "useful", "clear", "result", "value", "message", "server", "client", "job",
    "limit", "window", "minute", "second", "retry", "signal", "path", "channel", "level", "bridge",
    "summary", "detail", "context", "reason", "example", "question", "idea", "plan", "step",
        "order",
    "keeps", "moves", "opens", "closes", "holds", "sends", "reads", "writes", "measures",
        "balances",
    "and", "with", "through", "before", "after", "without", "under", "over", "between", "within",
    "calm", "bright", "quiet", "patient", "reliable", "gentle", "early", "late", "new", "known"
  };

  private static final int ECHO_WORDS = 6;

  private final long seed;
  private final TokenCounter tokens = TokenCounter.instance();

  public SimulatedText(long seed) {
    this.seed = seed;
  }

  /** The answer to a prompt, as exactly {@code count} token pieces. */
  public List<String> answer(String prompt, int count) {
    String echo = echo(prompt);
    String opening =
        echo.isEmpty() ? "Simulated answer:" : "Simulated answer about \"" + echo + "\":";
    return pieces(opening, hash(prompt.getBytes(StandardCharsets.UTF_8)), count);
  }

  /**
   * A stretch of sentences of about {@code count} tokens, derived from the prompt and a salt (so
   * one prompt can yield several different phrases), without the answer's opening.
   */
  public String phrase(String prompt, String salt, int count) {
    byte[] bytes = (salt + "\u0000" + prompt).getBytes(StandardCharsets.UTF_8);
    return String.join("", pieces("", hash(bytes), count)).trim();
  }

  /** A number in [0, 1) derived from the prompt and a salt. */
  public double fraction(String prompt, String salt) {
    byte[] bytes = (salt + "\u0000" + prompt).getBytes(StandardCharsets.UTF_8);
    return new SplittableRandom(hash(bytes) ^ seed).nextDouble();
  }

  /** A description of an image, as exactly {@code count} token pieces. */
  public List<String> describeImage(String mediaType, String base64Data, int count) {
    byte[] bytes = decode(base64Data);
    return pieces(imageOpening(mediaType, bytes.length), hash(bytes), count);
  }

  /** A short description of an image that mentions its media type and size. */
  public String describeImage(String mediaType, byte[] bytes) {
    return String.join("", pieces(imageOpening(mediaType, bytes.length), hash(bytes), 40));
  }

  /** A few sentences derived from the audio's bytes. */
  public String transcribe(byte[] audio, String fileName) {
    String opening = "Simulated transcript of " + audio.length + " bytes of audio.";
    return String.join("", pieces(opening, hash(audio), 30)).trim();
  }

  private static String imageOpening(String mediaType, int size) {
    return "Simulated description of an " + mediaType + " image of " + size + " bytes.";
  }

  private List<String> pieces(String opening, long hash, int count) {
    if (count <= 0) {
      return List.of();
    }
    SplittableRandom random = new SplittableRandom(hash ^ seed * 0x9E3779B97F4A7C15L);
    StringBuilder text = new StringBuilder(opening);
    List<String> pieces = List.of();
    // Most vocabulary words are one token each; grow the text until it has enough pieces.
    for (int words = count + 8; pieces.size() < count; words *= 2) {
      appendSentences(text, random, words);
      pieces = tokens.split(text.toString());
    }
    List<String> answer = new ArrayList<>(pieces.subList(0, count));
    int last = count - 1;
    if (last > 0 && Character.isLetter(answer.get(last).charAt(answer.get(last).length() - 1))) {
      answer.set(last, answer.get(last) + ".");
    }
    return answer;
  }

  private static void appendSentences(StringBuilder text, SplittableRandom random, int words) {
    int written = 0;
    while (written < words) {
      int length = 6 + random.nextInt(9);
      for (int i = 0; i < length; i++) {
        String word = WORDS[random.nextInt(WORDS.length)];
        text.append(' ').append(i == 0 ? capitalise(word) : word);
      }
      text.append('.');
      written += length;
    }
  }

  private static String echo(String prompt) {
    String[] words = prompt.trim().replace('"', '\'').split("\\s+");
    int n = Math.min(ECHO_WORDS, words.length);
    String echo = String.join(" ", List.of(words).subList(0, n));
    return words.length > n ? echo + "..." : echo;
  }

  private static String capitalise(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  private static byte[] decode(String base64Data) {
    try {
      return Base64.getMimeDecoder().decode(base64Data);
    } catch (IllegalArgumentException e) {
      // Not valid base64: describe the text as given rather than fail the simulated call.
      return base64Data.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** FNV-1a, 64 bits: stable across JVMs, unlike {@code String.hashCode} mixing. */
  private static long hash(byte[] bytes) {
    long h = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
