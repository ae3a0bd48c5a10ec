package dev.sluice.llm;

/**
 * Tokens a call consumed. {@code inputTokens} counts every prompt token, including the {@code
 * cachedInputTokens} that the provider served from its prompt cache (adapters normalise providers
 * that report them separately).
 */
public record Usage(long inputTokens, long outputTokens, long cachedInputTokens) {

  public static final Usage NONE = new Usage(0, 0, 0);

  public Usage {
    if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0) {
      throw new IllegalArgumentException("token counts cannot be negative");
    }
    if (cachedInputTokens > inputTokens) {
      throw new IllegalArgumentException("cached input tokens cannot exceed input tokens");
    }
  }

  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  /**
   * Merges a later report into this one: providers send usage in pieces (input at the start, output
   * at the end), so each field keeps the larger value seen.
   */
  public Usage merge(Usage later) {
    long input = Math.max(inputTokens, later.inputTokens);
    return new Usage(
        input,
        Math.max(outputTokens, later.outputTokens),
        Math.min(input, Math.max(cachedInputTokens, later.cachedInputTokens)));
  }
}
