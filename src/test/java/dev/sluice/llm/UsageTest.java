package dev.sluice.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsageTest {

  @Test
  void mergingKeepsTheLargestReportOfEachField() {
    Usage atStart = new Usage(120, 1, 100);
    Usage atEnd = new Usage(0, 57, 0);

    assertThat(atStart.merge(atEnd)).isEqualTo(new Usage(120, 57, 100));
    assertThat(atStart.merge(atEnd).totalTokens()).isEqualTo(177);
  }

  @Test
  void cachedTokensArePartOfInputTokens() {
    assertThatThrownBy(() -> new Usage(10, 0, 11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Usage(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
