package dev.sluice.queues.rest;

import dev.sluice.queues.FailedJob;
import java.util.List;

/** The newest failed jobs of one queue, newest first. */
public record FailedPageView(List<FailedJob> items) {}
