package dev.sluice.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

  @Test
  void defaults() {
    SimulatorSettings s = SimulatorSettings.defaults();
    assertThat(s.firstTokenDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(s.interTokenDelay()).isEqualTo(Duration.ofMillis(20));
    assertThat(s.outputTokens()).isEqualTo(48);
    assertThat(s.seed()).isEqualTo(42);
    assertThat(s.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.rateLimitRatio()).isZero();
  }

  @Test
  void parsesDurationsInEveryForm() {
    SimulatorSettings s =
        SimulatorSettings.from(
            Map.of(
                "first-token-delay", "500ms",
                "inter-token-delay", "75",
                "retry-after", "2s",
                "slow-first-token-delay", "1.5s",
                "output-tokens", "64",
                "rate-limit-ratio", "0.1",
                "cut-after-tokens", "3",
                "seed", "7"));
    assertThat(s.firstTokenDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.interTokenDelay()).isEqualTo(Duration.ofMillis(75));
    assertThat(s.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.slowFirstTokenDelay()).isEqualTo(Duration.ofMillis(1500));
    assertThat(s.outputTokens()).isEqualTo(64);
    assertThat(s.rateLimitRatio()).isEqualTo(0.1);
    assertThat(s.cutAfterTokens()).isEqualTo(3);
    assertThat(s.seed()).isEqualTo(7);
  }

  @Test
  void rejectsBadValuesNamingTheKey() {
    assertThatThrownBy(() -> SimulatorSettings.from(Map.of("rate-limit-ratio", "1.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rate-limit-ratio");
    assertThatThrownBy(() -> SimulatorSettings.from(Map.of("cut-ratio", "lots")))
        .hasMessageContaining("cut-ratio");
    assertThatThrownBy(() -> SimulatorSettings.from(Map.of("first-token-delay", "-5ms")))
        .hasMessageContaining("first-token-delay");
    assertThatThrownBy(() -> SimulatorSettings.from(Map.of("inter-token-delay", "soon")))
        .hasMessageContaining("inter-token-delay");
    assertThatThrownBy(() -> SimulatorSettings.from(Map.of("output-tokens", "0")))
        .hasMessageContaining("output-tokens");
    assertThatThrownBy(
            () ->
                SimulatorSettings.from(
                    Map.of("server-error-ratio", "0.6", "overloaded-ratio", "0.6")))
        .hasMessageContaining("add up to");
  }
}
