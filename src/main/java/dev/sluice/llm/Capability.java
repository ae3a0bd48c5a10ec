package dev.sluice.llm;

/** What a model can do, as the catalog records it. */
public enum Capability {
  STREAMING,
  VISION,
  JSON_OUTPUT,
  TRANSCRIPTION,
  /**
   * Its provider also answers it through a batch API (OpenAI Batch, Anthropic Message Batches):
   * within a day, at the model's batch price, outside the interactive rate limits.
   */
  BATCH
}
