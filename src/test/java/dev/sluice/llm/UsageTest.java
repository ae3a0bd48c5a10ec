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

  @Test
  void missingCountsAreEstimatedAndMarked() {
    assertThat(Usage.NONE.orEstimate(() -> 30, () -> 7)).isEqualTo(new Usage(30, 7, 0, true));
    assertThat(new Usage(30, 0, 10).orEstimate(() -> 25, () -> 7))
        .isEqualTo(new Usage(30, 7, 10, true));
  }

  @Test
  void reportedCountsAreKeptAndNotCountedAgain() {
    Usage reported = new Usage(30, 7, 0);

    assertThat(reported.orEstimate(() -> fail(), () -> fail())).isSameAs(reported);
    assertThat(reported.estimated()).isFalse();
  }

  @Test
  void anEmptyAnswerIsZeroOutputTokensNotAnEstimate() {
    assertThat(new Usage(30, 0, 0).orEstimate(() -> 30, () -> 0)).isEqualTo(new Usage(30, 0, 0));
  }

  @Test
  void anEstimatedPartStaysMarkedWhenMerged() {
    assertThat(new Usage(30, 0, 0, true).merge(new Usage(0, 5, 0)).estimated()).isTrue();
  }

  private static long fail() {
    throw new AssertionError("counted although the provider reported it");
  }
}
