package dev.sluice.llm.simulated;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * How the simulated model behaves: its pace, its answer length, its seed and how often each fault
 * happens. The in-process provider reads it from MicroProfile Config ({@code sluice.simulator.*})
 * and the simulator server from its command line; both go through {@link #from(Function)}.
 *
 * @param firstTokenDelay from the request to the first token
 * @param interTokenDelay between two tokens
 * @param outputTokens answer length; a request's maxOutputTokens caps it (finish reason LENGTH)
 * @param seed makes answers and fault draws reproducible
 * @param rateLimitRatio share of requests answered with 429
 * @param retryAfter what a 429 asks the caller to wait
 * @param serverErrorRatio share of requests answered with 500
 * @param overloadedRatio share of requests answered with 503 (529 on Anthropic's protocol)
 * @param cutRatio share of streams cut after {@code cutAfterTokens} tokens
 * @param cutAfterTokens tokens delivered before a cut
 * @param slowFirstTokenRatio share of requests whose first token takes {@code slowFirstTokenDelay}
 * @param slowFirstTokenDelay the slow first-token delay
 * @param malformedRatio share of streams that send a malformed event
 */
public record SimulatorSettings(
    Duration firstTokenDelay,
    Duration interTokenDelay,
    int outputTokens,
    long seed,
    double rateLimitRatio,
    Duration retryAfter,
    double serverErrorRatio,
    double overloadedRatio,
    double cutRatio,
    int cutAfterTokens,
    double slowFirstTokenRatio,
    Duration slowFirstTokenDelay,
    double malformedRatio) {

  /** The MicroProfile Config prefix of every key. */
  public static final String CONFIG_PREFIX = "sluice.simulator.";

  /** Every key {@link #from(Function)} reads. */
  public static final List<String> KEYS =
      List.of(
          "first-token-delay",
          "inter-token-delay",
          "output-tokens",
          "seed",
          "rate-limit-ratio",
          "retry-after",
          "server-error-ratio",
          "overloaded-ratio",
          "cut-ratio",
          "cut-after-tokens",
          "slow-first-token-ratio",
          "slow-first-token-delay",
          "malformed-ratio");

  public SimulatorSettings {
    requireDelay("first-token-delay", firstTokenDelay);
    requireDelay("inter-token-delay", interTokenDelay);
    requireDelay("retry-after", retryAfter);
    requireDelay("slow-first-token-delay", slowFirstTokenDelay);
    if (outputTokens < 1) {
      throw new IllegalArgumentException("simulator setting 'output-tokens' must be at least 1");
    }
    if (cutAfterTokens < 0) {
      throw new IllegalArgumentException("simulator setting 'cut-after-tokens' cannot be negative");
    }
    requireRatio("rate-limit-ratio", rateLimitRatio);
    requireRatio("server-error-ratio", serverErrorRatio);
    requireRatio("overloaded-ratio", overloadedRatio);
    requireRatio("cut-ratio", cutRatio);
    requireRatio("slow-first-token-ratio", slowFirstTokenRatio);
    requireRatio("malformed-ratio", malformedRatio);
    double faults =
        rateLimitRatio
            + serverErrorRatio
            + overloadedRatio
            + cutRatio
            + slowFirstTokenRatio
            + malformedRatio;
    if (faults > 1.0000001) {
      throw new IllegalArgumentException(
          "simulator fault ratios (rate-limit, server-error, overloaded, cut, slow-first-token,"
              + " malformed) add up to "
              + faults
              + " but must add up to at most 1");
    }
  }

  /** A well-behaved model: 200ms to the first token, 20ms between tokens, 48 tokens, no faults. */
  public static SimulatorSettings defaults() {
    return from(key -> Optional.empty());
  }

  /** Reads every key of {@link #KEYS} from the lookup; missing keys keep their default. */
  public static SimulatorSettings from(Function<String, Optional<String>> lookup) {
    SettingValues v = new SettingValues(lookup);
    return new SimulatorSettings(
        v.duration("first-token-delay", Duration.ofMillis(200)),
        v.duration("inter-token-delay", Duration.ofMillis(20)),
        v.count("output-tokens", 48, 1),
        v.number("seed", 42),
        v.ratio("rate-limit-ratio"),
        v.duration("retry-after", Duration.ofSeconds(2)),
        v.ratio("server-error-ratio"),
        v.ratio("overloaded-ratio"),
        v.ratio("cut-ratio"),
        v.count("cut-after-tokens", 8, 0),
        v.ratio("slow-first-token-ratio"),
        v.duration("slow-first-token-delay", Duration.ofSeconds(30)),
        v.ratio("malformed-ratio"));
  }

  /** Reads from a map of keys to values, as a command line gives them. */
  public static SimulatorSettings from(Map<String, String> values) {
    return from(key -> Optional.ofNullable(values.get(key)));
  }

  /** Reads {@code sluice.simulator.<key>} from MicroProfile Config. */
  public static SimulatorSettings from(Config config) {
    return from(key -> config.getOptionalValue(CONFIG_PREFIX + key, String.class));
  }

  private static void requireDelay(String key, Duration value) {
    Objects.requireNonNull(value, key);
    if (value.isNegative()) {
      throw new IllegalArgumentException("simulator setting '" + key + "' cannot be negative");
    }
  }

  private static void requireRatio(String key, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "simulator setting '" + key + "' is " + value + " but must be between 0 and 1");
    }
  }
}
