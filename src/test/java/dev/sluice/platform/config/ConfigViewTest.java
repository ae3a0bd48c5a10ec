package dev.sluice.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigViewTest {

  private final ConfigView config =
      ConfigView.of(
          Map.of(
              "a",
              "500ms",
              "b",
              "30s",
              "c",
              "5m",
              "d",
              "1h",
              "e",
              "250",
              "f",
              "soon",
              "g",
              " x , y,,z "));

  @Test
  void readsDurationsInEveryUnit() {
    assertThat(config.getDuration("a", null)).isEqualTo(Duration.ofMillis(500));
    assertThat(config.getDuration("b", null)).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.getDuration("c", null)).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.getDuration("d", null)).isEqualTo(Duration.ofHours(1));
    assertThat(config.getDuration("e", null)).isEqualTo(Duration.ofMillis(250));
    assertThat(config.getDuration("missing", Duration.ZERO)).isEqualTo(Duration.ZERO);
  }

  @Test
  void aBadValueNamesItsKey() {
    assertThatThrownBy(() -> config.getDuration("f", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("f:");
    assertThatThrownBy(() -> config.getInt("f", 0)).hasMessageContaining("f:");
  }

  @Test
  void listsAreTrimmedAndSkipEmptyItems() {
    assertThat(config.getList("g")).containsExactly("x", "y", "z");
  }
}
