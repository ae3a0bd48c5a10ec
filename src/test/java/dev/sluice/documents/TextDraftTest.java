package dev.sluice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextDraftTest {

  @Test
  void aTitleAndATextMakeADraft() {
    TextDraft.Result result = TextDraft.check(" Title ", "  Some text. ", 100, "");

    assertThat(result.valid()).isTrue();
    assertThat(result.draft()).isEqualTo(new TextDraft("Title", "Some text."));
  }

  @Test
  void everyWrongFieldIsNamedWithThePrefix() {
    TextDraft.Result result = TextDraft.check(null, " \u0000 ", 100, "lines[3].");

    assertThat(result.valid()).isFalse();
    assertThat(result.errors())
        .extracting(e -> e.field() + ": " + e.message())
        .containsExactly("lines[3].title: required", "lines[3].text: must not be empty");
    assertThat(result.summary())
        .isEqualTo("lines[3].title: required; lines[3].text: must not be empty");
  }

  @Test
  void aMissingOrTooLongTextIsNamed() {
    assertThat(TextDraft.check("t", null, 5, "").summary()).isEqualTo("text: required");
    assertThat(TextDraft.check("t", "123456", 5, "").summary())
        .isEqualTo("text: at most 5 characters");
  }

  @Test
  void aTitleLongerThanItsColumnIsRefusedNotCut() {
    assertThat(TextDraft.check(" " + "t".repeat(500) + " ", "x", 5, "").draft().title())
        .hasSize(500);
    assertThat(TextDraft.check("t".repeat(501), "x", 5, "").summary())
        .isEqualTo("title: at most 500 characters");
  }
}
