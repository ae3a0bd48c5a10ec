package dev.sluice.queues;

/** A job queue's depth and its exception destination's, as counted now. */
public record QueueSummary(
    String name, String destination, Depth depth, String failedDestination, Depth failedDepth) {}
