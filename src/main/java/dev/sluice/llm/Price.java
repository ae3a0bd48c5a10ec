package dev.sluice.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A model's list price in US dollars per million tokens. Cached input tokens (a subset of input
 * tokens) are charged at their own rate.
 */
public record Price(
    BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cachedInputPerMillion) {

  public static final Price FREE = new Price(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public Price {
    Objects.requireNonNull(inputPerMillion, "inputPerMillion");
    Objects.requireNonNull(outputPerMillion, "outputPerMillion");
    Objects.requireNonNull(cachedInputPerMillion, "cachedInputPerMillion");
  }

  public static Price of(String input, String output, String cachedInput) {
    return new Price(new BigDecimal(input), new BigDecimal(output), new BigDecimal(cachedInput));
  }

  /** Half of each rate: the batch price both OpenAI and Anthropic publish. */
  public Price half() {
    BigDecimal two = BigDecimal.valueOf(2);
    return new Price(
        inputPerMillion.divide(two).stripTrailingZeros(),
        outputPerMillion.divide(two).stripTrailingZeros(),
        cachedInputPerMillion.divide(two).stripTrailingZeros());
  }

  /** The cost of the given usage, in dollars, to ten decimal places. */
  public BigDecimal cost(Usage usage) {
    long uncached = usage.inputTokens() - usage.cachedInputTokens();
    BigDecimal micro =
        inputPerMillion
            .multiply(BigDecimal.valueOf(uncached))
            .add(cachedInputPerMillion.multiply(BigDecimal.valueOf(usage.cachedInputTokens())))
            .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.outputTokens())));
    return micro.divide(MILLION, 10, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}
