package dev.sluice.documents.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.TokenCounter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Token-bounded sections: nothing lost, nothing over the bound, cut where the text breaks. */
class SectionsTest {

  private final TokenCounter counter = TokenCounter.instance();

  @Test
  void paragraphsArePackedWholeUpToTheBound() {
    String text =
        IntStream.rangeClosed(1, 40)
            .mapToObj(i -> "Paragraph " + i + " talks about the river and the gate for a while.")
            .collect(Collectors.joining("\n\n"));

    List<String> sections = new Sections(counter, 100).split(text);

    assertThat(String.join("", sections)).isEqualTo(text);
    assertThat(sections).hasSizeGreaterThan(4);
    sections.forEach(s -> assertThat(counter.count(s)).isLessThanOrEqualTo(100));
    // Every cut falls at a paragraph end.
    sections.subList(0, sections.size() - 1).forEach(s -> assertThat(s).endsWith("\n\n"));
  }

  @Test
  void aLongParagraphIsCutAtSentenceEnds() {
    String text =
        IntStream.rangeClosed(1, 30)
            .mapToObj(i -> "Sentence " + i + " keeps going about water and bridges.")
            .collect(Collectors.joining(" "));

    List<String> sections = new Sections(counter, 50).split(text);

    assertThat(String.join("", sections)).isEqualTo(text);
    assertThat(sections).hasSizeGreaterThan(3);
    sections.forEach(s -> assertThat(counter.count(s)).isLessThanOrEqualTo(50));
    sections.subList(0, sections.size() - 1).forEach(s -> assertThat(s).endsWith(". "));
  }

  @Test
  void aSentenceWithoutEndIsCutBetweenTokens() {
    String text = "word ".repeat(500) + "and ünïcödé ✓ " + "tail ".repeat(100);

    List<String> sections = new Sections(counter, 64).split(text);

    assertThat(String.join("", sections)).isEqualTo(text);
    sections.forEach(s -> assertThat(counter.count(s)).isLessThanOrEqualTo(64));
  }

  @Test
  void aShortTextIsOneSection() {
    assertThat(new Sections(counter, 100).split("Short.\n\nText."))
        .containsExactly("Short.\n\nText.");
  }

  @Test
  void mixedTextKeepsEveryCharacter() {
    StringBuilder text = new StringBuilder("  Leading spaces.\r\n\r\n");
    for (int i = 0; i < 60; i++) {
      text.append(i % 7 == 0 ? "A long one! ".repeat(40) : "Short " + i + "?")
          .append(i % 3 == 0 ? "\n\n\n" : "\n");
    }

    List<String> sections = new Sections(counter, 80).split(text.toString());

    assertThat(String.join("", sections)).isEqualTo(text.toString());
    sections.forEach(s -> assertThat(counter.count(s)).isLessThanOrEqualTo(80));
  }
}
