package dev.sluice.llm;

/** What a model can do, as the catalog records it. */
public enum Capability {
  STREAMING,
  VISION,
  JSON_OUTPUT,
  TRANSCRIPTION
}
