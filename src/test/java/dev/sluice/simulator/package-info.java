/**
 * The LLM simulator server: OpenAI's and Anthropic's wire protocols (streamed and not), audio
 * transcription and a model list over non-blocking Vert.x, driven by the simulated provider's plans
 * and text. Tests start it in-process; benchmarks run it as its own process ({@code
 * bin/simulator}).
 */
package dev.sluice.simulator;
