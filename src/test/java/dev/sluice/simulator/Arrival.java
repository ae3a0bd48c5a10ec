package dev.sluice.simulator;

/**
 * One request the simulator received: when it arrived (wall and monotonic time), which endpoint it
 * asked for, the status the simulator decided to answer, and the tokens it counts against its rate
 * window (input plus output; 0 for a request it could not read or that has none).
 */
public record Arrival(long epochMillis, long nanoTime, String endpoint, int status, long tokens) {}
