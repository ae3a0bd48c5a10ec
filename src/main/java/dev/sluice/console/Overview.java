package dev.sluice.console;

import dev.sluice.generations.GenerationQueries.Totals;
import java.time.Instant;
import java.util.List;

/** What Sluice is doing at {@code at}: the overview page's one read. */
public record Overview(
    Instant at,
    ChatJobCounts chatJobs,
    List<RunningBatch> batches,
    Totals today,
    List<LaneRow> lanes,
    Series series) {}
