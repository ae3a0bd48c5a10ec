/**
 * Benchmarks (run by scripts in {@code bin/}, never by the test suite): they drive Sluice's own
 * code, or a whole Sluice server on Liberty, against the simulator running as a separate process
 * and write a report under {@code target/bench}.
 */
package dev.sluice.bench;
