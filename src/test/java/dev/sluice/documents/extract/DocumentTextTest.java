package dev.sluice.documents.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentTextTest {

  @Test
  void cleaningDropsNulCharactersAndSurroundingWhitespace() {
    assertThat(DocumentText.clean("  a\u0000b \n")).isEqualTo("ab");
    assertThat(DocumentText.clean(null)).isEmpty();
    assertThat(DocumentText.clean(" \t\n")).isEmpty();
  }

  @Test
  void aPreviewIsTheStartAndNeverHalfACharacter() {
    String emoji = "ab\uD83D\uDE00cd";

    assertThat(DocumentText.preview("short", 10)).isEqualTo("short");
    assertThat(DocumentText.preview("abcdef", 3)).isEqualTo("abc");
    assertThat(DocumentText.preview(emoji, 3)).isEqualTo("ab");
    assertThat(DocumentText.preview(emoji, 4)).isEqualTo("ab\uD83D\uDE00");
    assertThat(DocumentText.preview(null, 3)).isNull();
  }
}
