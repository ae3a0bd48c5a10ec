package dev.sluice.console;

import java.time.Instant;
import java.util.List;

/**
 * The cluster as the console shows it: every node up and those ended in the last hour, newest start
 * first, with the lease settings they are judged by.
 */
public record ClusterView(
    Instant at, String heartbeat, String lease, int up, List<ClusterNodeView> nodes) {}
