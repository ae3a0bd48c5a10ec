package dev.sluice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class BulkLineTest {

  @Test
  void aLineWithTitleAndTextIsADraft() {
    TextDraft draft = BulkLine.parse(line(7, "{\"title\":\"T\",\"text\":\"words\",\"x\":1}"), 100);

    assertThat(draft).isEqualTo(new TextDraft("T", "words"));
  }

  @Test
  void everyKindOfBadLineNamesItsNumber() {
    assertRefused("{\"title\": ", "lines[9]");
    assertRefused("[1, 2]", "lines[9]");
    assertRefused("\"text\"", "lines[9]");
    assertRefused("{\"title\":1,\"text\":\"t\"}", "lines[9].title");
    assertRefused("{\"title\":\"t\"}", "lines[9].text");
    assertRefused("{\"title\":\"t\",\"text\":\"\"}", "lines[9].text");
    assertRefused("{\"title\":\"t\",\"text\":\"" + "x".repeat(101) + "\"}", "lines[9].text");
    assertRefused("{\"title\":\"t\",\"text\":\"x\"} {}", "lines[9]");
    assertRefused("{\"title\":\"t\",\"text\":\"x\"}x", "lines[9]");
    assertRefused("{\"title\":\"t\",\"title\":\"u\",\"text\":\"x\"}", "lines[9].title");
    assertRefused("{\"title\":\"" + "t".repeat(501) + "\",\"text\":\"x\"}", "lines[9].title");
  }

  /** What SentimentFormatFuzzTest found, here: Parsson threw these numbers past the 400, a 500. */
  @Test
  void numbersBeyondWhatJsonPReadsAreABadLineNotAnError() {
    assertRefused("{\"title\":\"t\",\"text\":\"x\",\"n\":1e99999999999}", "lines[9].n");
    assertRefused("{\"title\":\"t\",\"text\":\"x\",\"n\":" + "9".repeat(1200) + "}", "lines[9].n");
  }

  private static void assertRefused(String text, String field) {
    ProblemException refused =
        catchThrowableOfType(ProblemException.class, () -> BulkLine.parse(line(9, text), 100));

    assertThat(refused).as(text).isNotNull();
    assertThat(refused.problem().status()).isEqualTo(400);
    assertThat(refused.problem().detail()).startsWith("line 9: ").endsWith("nothing was stored");
    assertThat(refused.problem().errors()).extracting(e -> e.field()).contains(field);
  }

  private static JsonLines.Line line(int number, String text) {
    return new JsonLines.Line(number, text);
  }
}
