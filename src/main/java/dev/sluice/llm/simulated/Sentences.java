package dev.sluice.llm.simulated;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The simulator's fixed vocabulary and the English-like sentences written from it. Every draw comes
 * from the caller's generator, so whatever a caller seeds it with decides the words.
 */
final class Sentences {

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

  /** Nouns that read well as identifiers, headings and table cells. */
  private static final String[] NOUNS = {
    "queue",
    "request",
    "stream",
    "token",
    "batch",
    "document",
    "river",
    "gate",
    "message",
    "server",
    "client",
    "job",
    "limit",
    "window",
    "retry",
    "signal",
    "channel",
    "bridge",
    "summary",
    "order"
  };

  private static final String[] ADJECTIVES = {
    "steady",
    "small",
    "large",
    "simple",
    "useful",
    "clear",
    "calm",
    "quiet",
    "patient",
    "reliable",
    "gentle",
    "early",
    "late",
    "new"
  };

  private Sentences() {}

  /** Appends sentences of 6 to 14 words, each after a space, until at least {@code words}. */
  static void append(StringBuilder text, SplittableRandom random, int words) {
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

  /** One capitalised sentence of {@code min} to {@code max} words with its full stop. */
  static String sentence(SplittableRandom random, int min, int max) {
    StringBuilder text = new StringBuilder();
    int length = min + random.nextInt(max - min + 1);
    for (int i = 0; i < length; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      text.append(i == 0 ? capitalise(word) : ' ' + word);
    }
    return text.append('.').toString();
  }

  static String noun(SplittableRandom random) {
    return NOUNS[random.nextInt(NOUNS.length)];
  }

  static String adjective(SplittableRandom random) {
    return ADJECTIVES[random.nextInt(ADJECTIVES.length)];
  }

  static String capitalise(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
