/**
 * Generations: a record of every provider call through the admission gate (chat answers, batch and
 * upload analyses) for the admin console — who it was for, the models tried, the wait in the gate,
 * time to first token, tokens and cost, and, where the configuration says so, prompt and answer.
 *
 * <p>Calls end on provider threads, so recording is two steps: {@link
 * dev.sluice.generations.GenerationRecorder} turns the gate's event into a row and queues it in
 * memory (bounded; never blocking the call), and a managed scheduled task writes queued rows in
 * JDBC batches, keeping the daily totals ({@code generation_daily}) that the costs page and the
 * overview's "today" read. {@link dev.sluice.generations.GenerationRetention} purges old rows.
 */
package dev.sluice.generations;
