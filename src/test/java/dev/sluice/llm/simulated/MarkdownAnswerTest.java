package dev.sluice.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarkdownAnswerTest {

  private static final String PROMPT = "Explain rate limits to a new engineer please";

  private final SimulatedText text = new SimulatedText(42);

  private String answer(String prompt, int count) {
    return String.join("", text.answer(prompt, count));
  }

  /** Lines that open or close a fence: in well-formed Markdown they come in pairs. */
  private static long fenceLines(String markdown) {
    return markdown.lines().filter(l -> l.startsWith("```")).count();
  }

  @Test
  void everyLengthHasExactlyItsPiecesAndClosesItsBlocks() {
    for (String prompt : List.of(PROMPT, "Tell me about rivers", "sql please", "")) {
      for (int count = 1; count <= 400; count++) {
        List<String> pieces = text.answer(prompt, count);
        String joined = String.join("", pieces);
        assertThat(pieces).as("%s at %d", prompt, count).hasSize(count);
        assertThat(pieces).allSatisfy(p -> assertThat(p).isNotEmpty());
        assertThat(fenceLines(joined) % 2).as("fences of %s at %d", prompt, count).isZero();
        if (count >= 5) {
          assertThat(joined).startsWith("Simulated answer");
        }
      }
    }
  }

  @Test
  void aTableIsNeverCutShort() {
    IntStream.range(0, 40)
        .mapToObj(i -> answer("Compare the options number " + i, 400))
        .flatMap(String::lines)
        .filter(l -> l.startsWith("|"))
        .forEach(row -> assertThat(row).matches("\\|( [^|]+ \\|)+|\\|(-+:?\\|)+"));
  }

  @Test
  void sameInputsGiveTheSameAnswerAndOthersAnother() {
    assertThat(new SimulatedText(42).answer(PROMPT, 200)).isEqualTo(text.answer(PROMPT, 200));
    assertThat(text.answer("Tell me about bridges", 200)).isNotEqualTo(text.answer(PROMPT, 200));
    assertThat(new SimulatedText(7).answer(PROMPT, 200)).isNotEqualTo(text.answer(PROMPT, 200));
  }

  @Test
  void aDefaultLengthAnswerHasAHeadingAndAList() {
    String markdown = answer(PROMPT, SimulatorSettings.defaults().outputTokens());
    assertThat(markdown).startsWith("Simulated answer about \"Explain rate limits to a new...\":");
    assertThat(markdown.lines()).anyMatch(l -> l.startsWith("## "));
    assertThat(markdown.lines().filter(l -> l.startsWith("- "))).hasSizeBetween(2, 4);
    assertThat(markdown).contains("\n\n## ");
  }

  @Test
  void someLongAnswersHaveACodeBlockAndSomeATable() {
    List<String> answers =
        IntStream.range(0, 30).mapToObj(i -> answer("Question number " + i, 300)).toList();
    long withCode = answers.stream().filter(a -> a.matches("(?s).*\n```(java|js|sql)\n.*")).count();
    assertThat(withCode).isBetween(3L, 20L);
    assertThat(answers).anyMatch(a -> a.contains("\n|---|---:|---|\n"));
    assertThat(answers).anyMatch(a -> !a.contains("```") && !a.contains("|---"));
  }

  @Test
  void shortAnswersStayPlainSentences() {
    assertThat(text.answer(PROMPT, 4)).isEqualTo(text.plainAnswer(PROMPT, 4));
    assertThat(text.answer(PROMPT, 47)).isEqualTo(text.plainAnswer(PROMPT, 47));
    assertThat(String.join("", text.plainAnswer(PROMPT, 300))).matches("[A-Za-z .:\"']+");
  }
}
