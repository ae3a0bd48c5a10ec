/**
 * The adapter for OpenAI's Chat Completions wire protocol, spoken also by Ollama, vLLM, llama.cpp
 * and most local servers; and its audio transcription endpoint.
 */
package dev.sluice.llm.openai;
