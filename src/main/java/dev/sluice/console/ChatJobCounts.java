package dev.sluice.console;

/**
 * Chat answers by state: waiting in the queue, streaming now, and ended in the last hour.
 *
 * @param queued answers waiting for the message-driven bean
 * @param running answers streaming now
 * @param completedLastHour answers completed in the last hour
 * @param failedLastHour answers failed in the last hour
 */
public record ChatJobCounts(
    long queued, long running, long completedLastHour, long failedLastHour) {}
