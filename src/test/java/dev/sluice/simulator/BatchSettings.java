package dev.sluice.simulator;

import dev.sluice.platform.config.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the simulator's batch APIs behave: how long a batch takes from its creation to its end
 * (unless the batch names its own time), and the size limits of an OpenAI batch input file and of
 * an Anthropic batch. The defaults are the providers' documented limits; tests choose small ones so
 * that reaching a limit costs nothing.
 *
 * @param processingTime from a batch's creation to its end
 * @param openAiMaxRequests lines an OpenAI batch input file may hold
 * @param openAiMaxBytes bytes an OpenAI batch input file may hold
 * @param anthropicMaxRequests requests an Anthropic batch may hold
 * @param anthropicMaxBytes bytes the body creating an Anthropic batch may hold
 */
public record BatchSettings(
    Duration processingTime,
    int openAiMaxRequests,
    long openAiMaxBytes,
    int anthropicMaxRequests,
    long anthropicMaxBytes) {

  /** The {@code bin/simulator} flags, without their leading {@code --}. */
  public static final List<String> KEYS =
      List.of(
          "batch-processing-time",
          "batch-openai-max-requests",
          "batch-openai-max-bytes",
          "batch-anthropic-max-requests",
          "batch-anthropic-max-bytes");

  private static final long MIB = 1024L * 1024L;

  public BatchSettings {
    if (processingTime == null || processingTime.isNegative()) {
      throw new IllegalArgumentException("batch-processing-time cannot be negative");
    }
    if (openAiMaxRequests < 1 || anthropicMaxRequests < 1) {
      throw new IllegalArgumentException("batch request limits must be at least 1");
    }
    if (openAiMaxBytes < 1 || anthropicMaxBytes < 1) {
      throw new IllegalArgumentException("batch byte limits must be at least 1");
    }
  }

  /** Three seconds a batch; 50,000 lines and 200 MB (OpenAI), 100,000 requests and 256 MB. */
  public static BatchSettings defaults() {
    return new BatchSettings(Duration.ofSeconds(3), 50_000, 200 * MIB, 100_000, 256 * MIB);
  }

  /** Reads the {@link #KEYS} present in the map; the others keep their default. */
  public static BatchSettings from(Map<String, String> values) {
    BatchSettings d = defaults();
    return new BatchSettings(
        duration(values, "batch-processing-time", d.processingTime()),
        (int) number(values, "batch-openai-max-requests", d.openAiMaxRequests(), Integer.MAX_VALUE),
        number(values, "batch-openai-max-bytes", d.openAiMaxBytes(), Long.MAX_VALUE),
        (int)
            number(
                values,
                "batch-anthropic-max-requests",
                d.anthropicMaxRequests(),
                Integer.MAX_VALUE),
        number(values, "batch-anthropic-max-bytes", d.anthropicMaxBytes(), Long.MAX_VALUE));
  }

  public BatchSettings withProcessingTime(Duration time) {
    return new BatchSettings(
        time, openAiMaxRequests, openAiMaxBytes, anthropicMaxRequests, anthropicMaxBytes);
  }

  public BatchSettings withOpenAiLimits(int requests, long bytes) {
    return new BatchSettings(
        processingTime, requests, bytes, anthropicMaxRequests, anthropicMaxBytes);
  }

  public BatchSettings withAnthropicLimits(int requests, long bytes) {
    return new BatchSettings(processingTime, openAiMaxRequests, openAiMaxBytes, requests, bytes);
  }

  private static Duration duration(Map<String, String> values, String key, Duration fallback) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Durations.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "--" + key + " must be a duration such as 500ms or 2s, got '" + value + "'");
    }
  }

  private static long number(Map<String, String> values, String key, long fallback, long max) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.trim());
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the flag's name
    }
    throw new IllegalArgumentException(
        "--" + key + " must be a whole number from 1 to " + max + ", got '" + value + "'");
  }
}
