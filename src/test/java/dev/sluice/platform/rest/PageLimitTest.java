package dev.sluice.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageLimitTest {

  @Test
  void absentMeansTheDefault() {
    assertThat(PageLimit.parse(null, "limit")).isEqualTo(PageLimit.DEFAULT);
    assertThat(PageLimit.parse(" ", "limit")).isEqualTo(PageLimit.DEFAULT);
  }

  @Test
  void oneToAHundredIsAccepted() {
    assertThat(PageLimit.parse("1", "limit")).isEqualTo(1);
    assertThat(PageLimit.parse("100", "limit")).isEqualTo(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-5", "abc", "1.5", "99999999999"})
  void anythingElseIsA400NamingTheField(String raw) {
    assertThatThrownBy(() -> PageLimit.parse(raw, "limit"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors().get(0).field()).isEqualTo("limit");
            });
  }
}
