package dev.sluice.console;

import dev.sluice.generations.GenerationQueries.Totals;
import java.time.Instant;
import java.util.List;

/**
 * What Sluice is doing at {@code at}: the overview page's one read, for the whole cluster ({@code
 * nodes} live servers; 1 alone).
 */
public record Overview(
    Instant at,
    int nodes,
    ChatJobCounts chatJobs,
    List<RunningBatch> batches,
    Totals today,
    List<LaneRow> lanes,
    Series series) {}
