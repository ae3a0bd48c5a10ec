package dev.sluice.documents.analysis;

import dev.sluice.llm.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text into sections of at most a number of tokens: at paragraph ends where it can, at
 * sentence ends inside a paragraph that is too long, and between tokens inside a sentence that is
 * too long. Nothing is dropped: the sections joined give the text back exactly.
 */
final class Sections {

  private static final Pattern PARAGRAPH_END = Pattern.compile("\\R[ \\t]*\\R\\s*");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?\\u2026]+[\"')\\]]*\\s+");

  private final TokenCounter counter;
  private final int maxTokens;

  Sections(TokenCounter counter, int maxTokens) {
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be positive");
    }
    this.counter = counter;
    this.maxTokens = maxTokens;
  }

  List<String> split(String text) {
    List<String> sections = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int tokens = 0;
    for (String paragraph : pieces(text, PARAGRAPH_END)) {
      for (String unit : fitting(paragraph)) {
        // A unit's own count is an upper bound for its share of the joined text: units end
        // where the tokenizer starts a new word, so joining them never adds tokens.
        int unitTokens = counter.count(unit);
        if (tokens + unitTokens > maxTokens && current.length() > 0) {
          sections.add(current.toString());
          current.setLength(0);
          tokens = 0;
        }
        current.append(unit);
        tokens += unitTokens;
      }
    }
    if (current.length() > 0) {
      sections.add(current.toString());
    }
    return sections;
  }

  /** The paragraph itself if it fits, else its sentences, each cut further if still too long. */
  private List<String> fitting(String paragraph) {
    if (counter.count(paragraph) <= maxTokens) {
      return List.of(paragraph);
    }
    List<String> units = new ArrayList<>();
    for (String sentence : pieces(paragraph, SENTENCE_END)) {
      if (counter.count(sentence) <= maxTokens) {
        units.add(sentence);
      } else {
        units.addAll(byTokens(sentence));
      }
    }
    return units;
  }

  private List<String> byTokens(String sentence) {
    List<String> tokens = counter.split(sentence);
    List<String> units = new ArrayList<>();
    for (int from = 0; from < tokens.size(); from += maxTokens) {
      units.add(String.join("", tokens.subList(from, Math.min(tokens.size(), from + maxTokens))));
    }
    return units;
  }

  /** The text cut after each match of {@code end}; every piece keeps its separator. */
  private static List<String> pieces(String text, Pattern end) {
    List<String> pieces = new ArrayList<>();
    Matcher m = end.matcher(text);
    int from = 0;
    while (m.find()) {
      if (m.end() > from) {
        pieces.add(text.substring(from, m.end()));
        from = m.end();
      }
    }
    if (from < text.length()) {
      pieces.add(text.substring(from));
    }
    return pieces;
  }
}
