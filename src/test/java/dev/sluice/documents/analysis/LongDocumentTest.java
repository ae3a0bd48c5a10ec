package dev.sluice.documents.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.TokenCounter;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A document longer than the model's context window (model {@code tiny}: 1,200 tokens) is
 * summarised section by section, and the analysis runs on the section summaries.
 */
class LongDocumentTest {

  private final Fixture fixture = new Fixture();

  private static String document(int paragraphs) {
    return IntStream.rangeClosed(1, paragraphs)
        .mapToObj(
            i ->
                "Paragraph "
                    + i
                    + " carries marker-"
                    + i
                    + "-end and then talks at some length about rivers, gates, bridges,"
                    + " the water that flows between them and the people who watch it.")
        .collect(Collectors.joining("\n\n"));
  }

  @Test
  void aLongTextIsMappedThenReducedWithoutLosingAnything() {
    String text = document(60);
    assertThat(TokenCounter.instance().count(text)).isGreaterThan(2_000);

    AnalysisOutcome outcome = fixture.run(Fixture.text(text), AnalysisKind.SUMMARY, "tiny");

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    List<ChatRequest> requests = fixture.gate.requests;
    List<ChatRequest> sections = sectionCalls(requests);
    assertThat(sections).hasSizeGreaterThan(2);
    assertThat(requests).hasSize(sections.size() + 1);
    for (int i = 1; i <= 60; i++) {
      String marker = "marker-" + i + "-end";
      assertThat(sections.stream().filter(r -> Fixture.user(r).contains(marker)))
          .as(marker)
          .hasSize(1);
    }
    String sectionTexts =
        sections.stream().map(r -> between(Fixture.user(r))).collect(Collectors.joining());
    assertThat(sectionTexts).isEqualTo(text);
    ChatRequest last = requests.get(requests.size() - 1);
    assertThat(Fixture.system(last)).isEqualTo(Prompts.SUMMARY.system());
    assertThat(Fixture.user(last)).contains(Prompts.CONDENSED).contains("Part 1:\n");
    requests.forEach(
        r -> assertThat(TokenCounter.instance().countPrompt(r)).isLessThan(1_200 - 2 * 150));
    assertSums(outcome);
  }

  @Test
  void summariesTooLongTogetherAreSummarisedAgain() {
    String text = document(400);

    AnalysisOutcome outcome = fixture.run(Fixture.text(text), AnalysisKind.SUMMARY, "tiny");

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    List<ChatRequest> sections = sectionCalls(fixture.gate.requests);
    List<ChatRequest> ofSummaries =
        sections.stream().filter(r -> Fixture.user(r).contains("Part 1:\n")).toList();
    assertThat(ofSummaries).isNotEmpty();
    assertThat(fixture.gate.requests).hasSize(sections.size() + 1);
    assertThat(sections.stream().filter(r -> Fixture.user(r).contains("marker-400-end")))
        .hasSize(1);
    assertSums(outcome);
  }

  @Test
  void keyPointsOfALongTextComeFromItsSectionSummaries() {
    AnalysisOutcome outcome =
        fixture.run(Fixture.text(document(60)), AnalysisKind.KEY_POINTS, "tiny");

    assertThat(outcome.status()).isEqualTo(AnalysisStatus.COMPLETED);
    assertThat(outcome.output()).startsWith("[\"");
    ChatRequest last = fixture.gate.requests.get(fixture.gate.requests.size() - 1);
    assertThat(last.jsonOutput()).isTrue();
    assertThat(Fixture.user(last)).contains(Prompts.CONDENSED);
  }

  @Test
  void aTextThatFitsIsSentWhole() {
    fixture.run(Fixture.text(document(60)), AnalysisKind.SUMMARY, "big");

    assertThat(fixture.gate.requests).hasSize(1);
    assertThat(Fixture.user(fixture.gate.requests.get(0))).doesNotContain(Prompts.CONDENSED);
  }

  private void assertSums(AnalysisOutcome outcome) {
    int calls = fixture.gate.calls();
    assertThat(outcome.attempts()).isEqualTo(calls);
    assertThat(outcome.costUsd())
        .isEqualByComparingTo(ScriptedGate.COST.multiply(BigDecimal.valueOf(calls)));
    assertThat((long) outcome.inputTokens() + outcome.outputTokens())
        .isEqualTo(fixture.gate.tokensAnswered());
  }

  private static List<ChatRequest> sectionCalls(List<ChatRequest> requests) {
    return requests.stream()
        .filter(r -> Fixture.system(r).startsWith(Prompts.SECTION.system()))
        .toList();
  }

  /** The document text of a first-level section request. */
  private static String between(String user) {
    int start = user.indexOf("<document>\n") + "<document>\n".length();
    return user.substring(start, user.lastIndexOf("\n</document>"));
  }
}
