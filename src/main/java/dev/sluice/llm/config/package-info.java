/**
 * Reads providers and the model catalog from MicroProfile Config (keys {@code sluice.providers.*},
 * {@code sluice.model.*}, {@code sluice.simulator.*}) and builds the adapters that serve them.
 */
package dev.sluice.llm.config;
