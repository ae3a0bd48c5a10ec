package dev.sluice.llm.simulated;

import dev.sluice.llm.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A prose answer laid out in Markdown, as real chat models answer: the opening paragraph, a {@code
 * ##} heading, a paragraph, a bulleted list, now and then a fenced code block or a small table,
 * then sentences to fill. The blocks are whole and come first; only the closing prose is cut to
 * length, so the answer is well-formed Markdown (no fence or table left open) at any length.
 */
final class MarkdownAnswer {

  /** Shorter answers stay plain sentences: there is no room for structure that reads well. */
  static final int MIN_TOKENS = 48;

  /** A code block or a table only in answers long enough to have them beside the prose. */
  private static final int CODE_MIN_TOKENS = 120;

  private static final int TABLE_MIN_TOKENS = 160;

  /** Tokens of closing prose to leave at least, so an answer does not end on its last block. */
  private static final int MIN_CLOSING_TOKENS = 4;

  private static final TokenCounter TOKENS = TokenCounter.instance();

  private MarkdownAnswer() {}

  /**
   * The answer as exactly {@code count} token pieces, or empty when not even the smallest structure
   * fits (the caller then answers in plain sentences).
   */
  static Optional<List<String>> compose(String opening, SplittableRandom random, int count) {
    // Every block is drawn whatever the count, so one prompt keeps its words at any length.
    String intro = opening + " " + Sentences.sentence(random, 5, 9);
    String heading = heading(random);
    String paragraph = Sentences.sentence(random, 8, 14) + " " + Sentences.sentence(random, 5, 9);
    List<String> items = items(random, 2 + random.nextInt(3));
    boolean wantsCode = random.nextInt(3) == 0;
    String code = MarkdownSnippets.code(random);
    boolean wantsTable = random.nextInt(4) == 0;
    String table = MarkdownSnippets.table(random);
    SplittableRandom closing = random.split();

    boolean withCode = wantsCode && count >= CODE_MIN_TOKENS;
    boolean withTable = wantsTable && count >= TABLE_MIN_TOKENS;
    String list = String.join("\n", items);
    // From richest to smallest: the first layout that fits is the answer.
    List<List<String>> layouts =
        List.of(
            blocks(
                List.of(intro, heading, paragraph, list),
                withCode ? code : null,
                withTable ? table : null),
            blocks(List.of(intro, heading, paragraph, list), withCode ? code : null, null),
            blocks(List.of(intro, heading, paragraph, list), null, null),
            List.of(intro, heading, String.join("\n", items.subList(0, 2))),
            List.of(opening, heading, String.join("\n", items.subList(0, 2))));
    for (List<String> layout : layouts) {
      List<String> pieces = new ArrayList<>(TOKENS.split(String.join("\n\n", layout)));
      if (pieces.size() + MIN_CLOSING_TOKENS <= count) {
        pieces.addAll(closingProse(closing, count - pieces.size()));
        return Optional.of(pieces);
      }
    }
    return Optional.empty();
  }

  private static List<String> blocks(List<String> base, String code, String table) {
    List<String> blocks = new ArrayList<>(base);
    if (code != null) {
      blocks.add("Here is a short example:");
      blocks.add(code);
    }
    if (table != null) {
      blocks.add("In brief:");
      blocks.add(table);
    }
    return blocks;
  }

  private static String heading(SplittableRandom random) {
    String heading =
        Sentences.capitalise(Sentences.adjective(random)) + " " + Sentences.noun(random);
    return "## " + (random.nextBoolean() ? heading + " and " + Sentences.noun(random) : heading);
  }

  private static List<String> items(SplittableRandom random, int n) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Some models lead each bullet with a bold term; do so for some answers.
      String lead =
          random.nextBoolean() ? "**" + Sentences.capitalise(Sentences.noun(random)) + "**: " : "";
      items.add("- " + lead + Sentences.sentence(random, 4, 8));
    }
    return items;
  }

  /** Exactly {@code count} pieces of paragraphs, after a blank line that ends the last block. */
  private static List<String> closingProse(SplittableRandom random, int count) {
    StringBuilder text = new StringBuilder();
    List<String> pieces = List.of();
    // Vocabulary words run to about seven characters a token: write about enough, then split, and
    // write more only in the rare case that was short, so long answers are not split over and over.
    for (int chars = count * 7; pieces.size() < count; chars *= 2) {
      while (text.length() < chars) {
        text.append("\n\n").append(Sentences.sentence(random, 6, 14));
        for (int s = random.nextInt(3); s > 0; s--) {
          text.append(' ').append(Sentences.sentence(random, 6, 14));
        }
      }
      pieces = TOKENS.split(text.toString());
    }
    List<String> closing = new ArrayList<>(pieces.subList(0, count));
    int last = count - 1;
    String end = closing.get(last);
    // A cut mid-sentence still ends like one, as plain answers do.
    if (Character.isLetter(end.charAt(end.length() - 1))) {
      closing.set(last, end + ".");
    }
    return closing;
  }
}
