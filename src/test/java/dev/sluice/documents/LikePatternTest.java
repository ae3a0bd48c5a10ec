package dev.sluice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTest {

  @Test
  void aLoneWildcardMatchesOnlyItself() {
    assertThat(LikePattern.startingWith("%")).isEqualTo("!%%");
    assertThat(LikePattern.containing("_")).isEqualTo("%!_%");
  }

  @Test
  void theEscapeCharacterIsEscapedToo() {
    assertThat(LikePattern.containing("50%_Off!")).isEqualTo("%50!%!_off!!%");
  }

  @Test
  void patternsAreLowerCaseAndTheClauseNamesTheEscape() {
    assertThat(LikePattern.startingWith("Text/")).isEqualTo("text/%");
    assertThat(LikePattern.ESCAPE).isEqualTo(" ESCAPE '!'");
  }
}
