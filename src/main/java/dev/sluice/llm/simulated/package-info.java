/**
 * Sluice's offline default provider: deterministic simulated answers, paced like a real model and
 * able to fail in every way a real one does. The same settings, plans and text drive the HTTP
 * simulator server that tests and benchmarks run.
 */
package dev.sluice.llm.simulated;
