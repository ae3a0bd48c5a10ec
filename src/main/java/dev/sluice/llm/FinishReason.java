package dev.sluice.llm;

/** Why the model stopped generating, normalised across providers. */
public enum FinishReason {
  /** The model finished its answer. */
  STOP,
  /** The output token limit was reached. */
  LENGTH,
  /** A requested stop sequence was generated. */
  STOP_SEQUENCE,
  /** The provider filtered the content. */
  CONTENT_FILTER,
  /** The model asked for a tool call (not used by Sluice yet). */
  TOOL_USE,
  /** Anything the provider said that has no better match. */
  OTHER
}
