/** The adapter for Anthropic's Messages API with streaming. */
package dev.sluice.llm.anthropic;
