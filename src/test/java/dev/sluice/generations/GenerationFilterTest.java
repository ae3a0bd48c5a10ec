package dev.sluice.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.admission.CallOrigin;
import dev.sluice.platform.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GenerationFilterTest {

  @Test
  void readsEveryFilterAndTurnsDatesIntoAHalfOpenRange() {
    GenerationFilter f =
        GenerationFilter.parse(
            "Failed", " sim-small ", "demo", "batch", "2026-11-01", "2026-11-22");

    assertThat(f.status()).isEqualTo(GenerationStatus.FAILED);
    assertThat(f.model()).isEqualTo("sim-small");
    assertThat(f.owner()).isEqualTo("demo");
    assertThat(f.source()).isEqualTo(CallOrigin.Source.BATCH);
    assertThat(f.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(f.to()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
  }

  @Test
  void namesEveryBadParameterAtOnce() {
    assertThatThrownBy(() -> GenerationFilter.parse("lost", null, null, "mars", "soon", null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().errors())
                    .extracting(f -> f.field())
                    .containsExactly("status", "source", "from"));
  }

  @Test
  void anEmptyRangeIsRefused() {
    assertThatThrownBy(
            () ->
                GenerationFilter.parse(
                    null, null, null, null, "2026-11-22T10:00:00Z", "2026-11-22T10:00:00Z"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("to");
  }
}
