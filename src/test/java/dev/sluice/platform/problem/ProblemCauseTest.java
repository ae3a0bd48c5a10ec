package dev.sluice.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ProblemCauseTest {

  @Test
  void aProblemWrappedByALibraryIsFound() {
    ProblemException tooLarge = new ProblemException(Problem.of(413, "Content Too Large", "big"));
    JsonbException wrapped = new JsonbException("Internal error", new RuntimeException(tooLarge));

    assertThat(ProblemCause.in(wrapped)).containsSame(tooLarge);
  }

  @Test
  void otherFailuresHaveNone() {
    assertThat(ProblemCause.in(new UncheckedIOException(new java.io.IOException("x")))).isEmpty();
  }
}
