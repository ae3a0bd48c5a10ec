package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LaneSettingsTest {

  private final LaneSettings valid = LaneSettings.of("lane", 4, 60, 6000, 10);

  @Test
  void defaultsAreAMinuteTwoPercentAndTenSeconds() {
    assertThat(valid.period()).isEqualTo(Duration.ofMinutes(1));
    assertThat(valid.burstFraction()).isEqualTo(0.02);
    assertThat(valid.agingStep()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void invalidValuesAreRejectedNamingTheField() {
    assertThatThrownBy(() -> LaneSettings.of("lane", 0, 60, 6000, 10))
        .hasMessageContaining("maxInFlight");
    assertThatThrownBy(() -> LaneSettings.of("lane", 1, 0, 6000, 10))
        .hasMessageContaining("requestsPerMinute");
    assertThatThrownBy(() -> LaneSettings.of("lane", 1, 60, 0, 10))
        .hasMessageContaining("tokensPerMinute");
    assertThatThrownBy(() -> LaneSettings.of("lane", 1, 60, 6000, -1))
        .hasMessageContaining("maxQueued");
    assertThatThrownBy(() -> valid.withPeriod(Duration.ZERO)).hasMessageContaining("period");
    assertThatThrownBy(() -> valid.withBurstFraction(1.0)).hasMessageContaining("burstFraction");
    assertThatThrownBy(() -> valid.withAgingStep(Duration.ZERO)).hasMessageContaining("agingStep");
    assertThatThrownBy(() -> LaneSettings.of(" ", 1, 60, 6000, 1)).hasMessageContaining("name");
  }

  @Test
  void burstCapacityIsTwoPercentRoundedUpAndBelowTheBudget() {
    assertThat(BucketBudget.burstCapacity(10_000, 0.02)).isEqualTo(200);
    assertThat(BucketBudget.burstCapacity(60, 0.02)).isEqualTo(2);
    assertThat(BucketBudget.burstCapacity(2, 0.9)).isEqualTo(1);
    assertThat(BucketBudget.burstCapacity(1, 0.02)).isEqualTo(1);
  }
}
