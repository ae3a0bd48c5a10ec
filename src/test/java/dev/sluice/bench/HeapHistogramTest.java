package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapHistogramTest {

  private static final String IDLE =
      """
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:        402169       25591200  [B (java.base@17.0.15)
         2:          6464         206848  dev.sluice.chat.events.AnswerChunk
         3:            10            480  java.lang.Object (java.base@17.0.15)
      Total        408643       25798528
      """;

  private static final String PLATEAU =
      """
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:        452169       30591200  [B (java.base@17.0.15)
         2:         70464        2254848  dev.sluice.chat.events.AnswerChunk
         3:             4            192  java.lang.Object (java.base@17.0.15)
      Total        522637       32846240
      """;

  @Test
  void readsTheTotalOfLiveBytes() {
    assertThat(HeapHistogram.parse(PLATEAU).totalBytes()).isEqualTo(32_846_240);
  }

  @Test
  void ranksClassesByHowMuchTheyGrew() {
    var growth = HeapHistogram.parse(PLATEAU).growthSince(HeapHistogram.parse(IDLE), 2);

    assertThat(growth)
        .containsExactly(
            new HeapHistogram.Growth("[B", 50_000, 5_000_000),
            new HeapHistogram.Growth("dev.sluice.chat.events.AnswerChunk", 64_000, 2_048_000));
  }

  @Test
  void refusesOutputWithoutATotal() {
    assertThatThrownBy(() -> HeapHistogram.parse("12345: no such process"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
