/**
 * The admission gate: the one place that decides when each provider call may go out. Lanes bound
 * in-flight calls and spend requests- and tokens-per-minute budgets; waiting calls are admitted by
 * priority without parking a thread; retries, circuit breakers and fallback models sit around them.
 */
package dev.sluice.admission;
