package dev.sluice.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DirectivesTest {

  @Test
  void wordsOfOneDirectiveAreReadLikeSeparateOnes() {
    Directives d = Directives.parse("hi [sim:say delay=20] there [sim:plain]");
    assertThat(d.has("say")).isTrue();
    assertThat(d.has("plain")).isTrue();
    assertThat(d.millis("delay")).contains(Duration.ofMillis(20));
    assertThat(d.strippedText()).isEqualTo("hi there");
  }

  @Test
  void verbatimTextKeepsEveryNewlineAndSpace() {
    Directives d = Directives.parse("[sim:say delay=20]\n# Title\n\n- a\n-  b \n\n\tend  \n");
    assertThat(d.verbatimText()).isEqualTo("# Title\n\n- a\n-  b \n\n\tend  \n");
  }

  @Test
  void verbatimTextDropsAtMostOneBreakAfterADirective() {
    assertThat(Directives.parse("[sim:say]\n\nsecond line").verbatimText())
        .isEqualTo("\nsecond line");
    assertThat(Directives.parse("[sim:say]  two spaces").verbatimText()).isEqualTo(" two spaces");
    assertThat(Directives.parse("[sim:say]\r\nwindows").verbatimText()).isEqualTo("windows");
    assertThat(Directives.parse("before [sim:say] after").verbatimText()).isEqualTo("before after");
    assertThat(Directives.parse("a[sim:say][sim:delay=1]b").verbatimText()).isEqualTo("ab");
  }

  @Test
  void verbatimTextKeepsBracketsMarkupAndEntities() {
    String text = "x ] y [not a directive] <script>alert(1)</script> `code` &amp; &lt;";
    assertThat(Directives.parse("[sim:say] " + text).verbatimText()).isEqualTo(text);
  }

  @Test
  void unknownWordsAreRejected() {
    assertThatThrownBy(() -> Directives.parse("[sim:say loudly]")).hasMessageContaining("loudly");
  }
}
