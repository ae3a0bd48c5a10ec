package dev.sluice.llm;

/** The wire protocol a configured provider speaks. */
public enum ProviderType {
  /** OpenAI Chat Completions, and every server that speaks it (Ollama, vLLM, llama.cpp, ...). */
  OPENAI,
  /** Anthropic's Messages API. */
  ANTHROPIC,
  /** Sluice's built-in, offline simulated model. */
  SIMULATED
}
