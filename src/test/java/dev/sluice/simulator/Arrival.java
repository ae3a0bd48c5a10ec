package dev.sluice.simulator;

/**
 * One request the simulator received: when it arrived (wall and monotonic time), which endpoint it
 * asked for, and the status the simulator decided to answer.
 */
public record Arrival(long epochMillis, long nanoTime, String endpoint, int status) {}
