package dev.sluice.llm;

import java.util.function.LongSupplier;

/**
 * Tokens a call consumed. {@code inputTokens} counts every prompt token, including the {@code
 * cachedInputTokens} that the provider served from its prompt cache (adapters normalise providers
 * that report them separately). {@code estimated} marks counts Sluice made itself, with its
 * tokenizer, because the provider reported none (see {@link StreamAccumulator}).
 */
public record Usage(
    long inputTokens, long outputTokens, long cachedInputTokens, boolean estimated) {

  public static final Usage NONE = new Usage(0, 0, 0);

  /** Usage as a provider reported it. */
  public Usage(long inputTokens, long outputTokens, long cachedInputTokens) {
    this(inputTokens, outputTokens, cachedInputTokens, false);
  }

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
        Math.min(input, Math.max(cachedInputTokens, later.cachedInputTokens)),
        estimated || later.estimated);
  }

  /**
   * This usage with the counts the provider left at zero filled in from Sluice's own count, marked
   * estimated if any was: a prompt is never zero tokens, and an answer with text is not either. The
   * counts are taken only when needed (counting a long prompt is not free).
   *
   * @param promptTokens counts the prompt
   * @param answerTokens counts the answer's text; 0 when there is none
   */
  public Usage orEstimate(LongSupplier promptTokens, LongSupplier answerTokens) {
    long input = inputTokens == 0 ? promptTokens.getAsLong() : inputTokens;
    long output = outputTokens == 0 ? answerTokens.getAsLong() : outputTokens;
    if (input == inputTokens && output == outputTokens) {
      return this;
    }
    return new Usage(input, output, cachedInputTokens, true);
  }
}
