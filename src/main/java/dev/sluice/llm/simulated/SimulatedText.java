package dev.sluice.llm.simulated;

import dev.sluice.llm.TokenCounter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Writes the simulated model's text: readable English-like sentences from a fixed vocabulary,
 * derived from a hash of the input and the seed, so the same prompt always gets the same answer and
 * a different prompt a different one. Answers open with an echo of the prompt so a person can see
 * what they answer.
 *
 * <p>A chat answer of 48 tokens or more is laid out in Markdown, as real models answer: the opening
 * paragraph, a heading, a paragraph, a bulleted list, for some prompts a fenced code block or a
 * small table, then sentences (see {@code MarkdownAnswer}). Shorter answers, {@link #plainAnswer}
 * and the other texts (phrases, image descriptions, transcripts) are plain sentences, because
 * documents and benchmarks build on them.
 */
public final class SimulatedText {

  private static final int ECHO_WORDS = 6;

  private final long seed;
  private final TokenCounter tokens = TokenCounter.instance();

  public SimulatedText(long seed) {
    this.seed = seed;
  }

  /**
   * The answer to a prompt, as exactly {@code count} token pieces: Markdown when there are tokens
   * enough for it, otherwise as {@link #plainAnswer}.
   */
  public List<String> answer(String prompt, int count) {
    if (count >= MarkdownAnswer.MIN_TOKENS) {
      long hash = hash(prompt.getBytes(StandardCharsets.UTF_8));
      Optional<List<String>> markdown =
          MarkdownAnswer.compose(opening(prompt), random(hash), count);
      if (markdown.isPresent()) {
        return markdown.get();
      }
    }
    return plainAnswer(prompt, count);
  }

  /** The answer to a prompt in plain sentences only, as exactly {@code count} token pieces. */
  public List<String> plainAnswer(String prompt, int count) {
    return pieces(opening(prompt), hash(prompt.getBytes(StandardCharsets.UTF_8)), count);
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

  private static String opening(String prompt) {
    String echo = echo(prompt);
    return echo.isEmpty() ? "Simulated answer:" : "Simulated answer about \"" + echo + "\":";
  }

  private static String imageOpening(String mediaType, int size) {
    return "Simulated description of an " + mediaType + " image of " + size + " bytes.";
  }

  private List<String> pieces(String opening, long hash, int count) {
    if (count <= 0) {
      return List.of();
    }
    SplittableRandom random = random(hash);
    StringBuilder text = new StringBuilder(opening);
    List<String> pieces = List.of();
    // Most vocabulary words are one token each; grow the text until it has enough pieces.
    for (int words = count + 8; pieces.size() < count; words *= 2) {
      Sentences.append(text, random, words);
      pieces = tokens.split(text.toString());
    }
    List<String> answer = new ArrayList<>(pieces.subList(0, count));
    int last = count - 1;
    if (last > 0 && Character.isLetter(answer.get(last).charAt(answer.get(last).length() - 1))) {
      answer.set(last, answer.get(last) + ".");
    }
    return answer;
  }

  private SplittableRandom random(long hash) {
    return new SplittableRandom(hash ^ seed * 0x9E3779B97F4A7C15L);
  }

  private static String echo(String prompt) {
    String[] words = prompt.trim().replace('"', '\'').split("\\s+");
    int n = Math.min(ECHO_WORDS, words.length);
    String echo = String.join(" ", List.of(words).subList(0, n));
    return words.length > n ? echo + "..." : echo;
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
