package dev.sluice.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleLimitTest {

  @Test
  void absentMeansFifty() {
    assertThat(PageLimit.parseConsole(null)).isEqualTo(50);
    assertThat(PageLimit.parseConsole("")).isEqualTo(50);
  }

  @Test
  void oneToTwoHundredIsAccepted() {
    assertThat(PageLimit.parseConsole("1")).isEqualTo(1);
    assertThat(PageLimit.parseConsole("200")).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "201", "-1", "ten", "2.5"})
  void anythingElseIsA400NamingLimit(String raw) {
    assertThatThrownBy(() -> PageLimit.parseConsole(raw))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors().get(0).field()).isEqualTo("limit");
            });
  }
}
