package dev.sluice.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTest {

  private final Price gpt4o = Price.of("2.50", "10.00", "1.25");

  @Test
  void chargesUncachedInputCachedInputAndOutputAtTheirRates() {
    // 1,000 input of which 400 cached, 500 output:
    // 600 * 2.50 + 400 * 1.25 + 500 * 10.00 = 1500 + 500 + 5000 = 7000 micro-dollars.
    assertThat(gpt4o.cost(new Usage(1_000, 500, 400))).isEqualByComparingTo("0.007");
  }

  @Test
  void aMillionOutputTokensCostTheOutputPrice() {
    assertThat(gpt4o.cost(new Usage(0, 1_000_000, 0))).isEqualByComparingTo("10");
  }

  @Test
  void keepsSubCentPrecision() {
    assertThat(Price.of("0.15", "0.60", "0.075").cost(new Usage(1, 1, 0)))
        .isEqualByComparingTo(new BigDecimal("0.00000075"));
  }

  @Test
  void freeIsFree() {
    assertThat(Price.FREE.cost(new Usage(10, 10, 5))).isEqualByComparingTo("0");
  }
}
