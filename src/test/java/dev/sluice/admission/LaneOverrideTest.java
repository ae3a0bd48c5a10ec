package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An override replaces only the limits it names; null puts one back; none left means none. */
class LaneOverrideTest {

  private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
  private final LaneSettings configured = LaneSettings.of("p/m", 16, 600, 2_000_000, 10_000);

  @Test
  void anOverrideReplacesOnlyTheLimitsItNames() {
    LaneOverride override =
        LaneOverride.merge(null, "p/m", changes(LaneLimit.MAX_IN_FLIGHT, 2L), AT, "admin");

    LaneSettings effective = override.applyTo(configured);

    assertThat(effective.maxInFlight()).isEqualTo(2);
    assertThat(effective.requestsPerMinute()).isEqualTo(600);
    assertThat(effective.tokensPerMinute()).isEqualTo(2_000_000);
    assertThat(effective.maxQueued()).isEqualTo(10_000);
    assertThat(effective.period()).isEqualTo(configured.period());
    assertThat(effective.name()).isEqualTo("p/m");
  }

  @Test
  void everyLimitCanBeOverridden() {
    Map<LaneLimit, Long> all = new EnumMap<>(LaneLimit.class);
    all.put(LaneLimit.MAX_IN_FLIGHT, 1L);
    all.put(LaneLimit.REQUESTS_PER_MINUTE, 2L);
    all.put(LaneLimit.TOKENS_PER_MINUTE, 3L);
    all.put(LaneLimit.MAX_QUEUED, 0L);

    LaneSettings effective = new LaneOverride("p/m", all, AT, "admin").applyTo(configured);

    assertThat(effective).isEqualTo(LaneSettings.of("p/m", 1, 2, 3, 0));
    for (LaneLimit limit : LaneLimit.values()) {
      assertThat(limit.of(effective)).isEqualTo(all.get(limit));
    }
  }

  @Test
  void aChangeKeepsTheOtherOverriddenLimitsAndNullPutsOneBack() {
    Map<LaneLimit, Long> first = changes(LaneLimit.MAX_IN_FLIGHT, 2L);
    first.put(LaneLimit.MAX_QUEUED, 5L);
    LaneOverride current = LaneOverride.merge(null, "p/m", first, AT, "admin");

    Map<LaneLimit, Long> second = changes(LaneLimit.REQUESTS_PER_MINUTE, 60L);
    second.put(LaneLimit.MAX_QUEUED, null);
    LaneOverride next = LaneOverride.merge(current, "p/m", second, AT.plusSeconds(1), "ops");

    assertThat(next.values())
        .containsOnly(
            Map.entry(LaneLimit.MAX_IN_FLIGHT, 2L), Map.entry(LaneLimit.REQUESTS_PER_MINUTE, 60L));
    assertThat(next.updatedBy()).isEqualTo("ops");
    assertThat(next.updatedAt()).isEqualTo(AT.plusSeconds(1));
    assertThat(next.applyTo(configured).maxQueued()).isEqualTo(10_000);
  }

  @Test
  void clearingEveryLimitLeavesNoOverride() {
    LaneOverride current =
        LaneOverride.merge(null, "p/m", changes(LaneLimit.MAX_IN_FLIGHT, 2L), AT, "admin");

    assertThat(LaneOverride.merge(current, "p/m", changes(LaneLimit.MAX_IN_FLIGHT, null), AT, "a"))
        .isNull();
  }

  @Test
  void valuesOutOfRangeAreRefusedNamingTheLimit() {
    assertThatThrownBy(
            () -> new LaneOverride("p/m", changes(LaneLimit.MAX_IN_FLIGHT, 0L), AT, "admin"))
        .hasMessageContaining("maxInFlight");
    assertThatThrownBy(
            () ->
                new LaneOverride(
                    "p/m",
                    changes(LaneLimit.TOKENS_PER_MINUTE, LaneLimit.LARGEST_BUDGET + 1),
                    AT,
                    "admin"))
        .hasMessageContaining("tokensPerMinute");
    assertThatThrownBy(
            () -> new LaneOverride("p/m", changes(LaneLimit.MAX_QUEUED, -1L), AT, "admin"))
        .hasMessageContaining("maxQueued");
    assertThatThrownBy(() -> new LaneOverride("p/m", Map.of(), AT, "admin"))
        .hasMessageContaining("p/m");
  }

  @Test
  void theLargestValuesStillMakeAWorkingLane() {
    Map<LaneLimit, Long> largest = new EnumMap<>(LaneLimit.class);
    for (LaneLimit limit : LaneLimit.values()) {
      largest.put(limit, limit.max());
    }
    LaneSettings settings = new LaneOverride("p/m", largest, AT, "admin").applyTo(configured);
    LaneFixture fixture = new LaneFixture(settings);

    assertThat(fixture.admit(Priority.NORMAL, 1_000_000)).isCompleted();
  }

  @Test
  void sameLimitsIgnoresWhoAndWhen() {
    LaneOverride a =
        LaneOverride.merge(null, "p/m", changes(LaneLimit.MAX_IN_FLIGHT, 2L), AT, "admin");
    LaneOverride b =
        LaneOverride.merge(
            null, "p/m", changes(LaneLimit.MAX_IN_FLIGHT, 2L), AT.plusSeconds(9), "x");
    LaneOverride c =
        LaneOverride.merge(null, "p/m", changes(LaneLimit.MAX_IN_FLIGHT, 3L), AT, "admin");

    assertThat(a.sameLimits(b)).isTrue();
    assertThat(a.sameLimits(c)).isFalse();
    assertThat(a.sameLimits(null)).isFalse();
  }

  @Test
  void itDescribesItselfWithTheApisNames() {
    Map<LaneLimit, Long> two = changes(LaneLimit.MAX_QUEUED, 0L);
    two.put(LaneLimit.MAX_IN_FLIGHT, 2L);

    assertThat(new LaneOverride("p/m", two, AT, "admin").describe())
        .isEqualTo("maxInFlight=2, maxQueued=0");
  }

  private static Map<LaneLimit, Long> changes(LaneLimit limit, Long value) {
    Map<LaneLimit, Long> changes = new EnumMap<>(LaneLimit.class);
    changes.put(limit, value);
    return changes;
  }
}
