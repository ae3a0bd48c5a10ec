package dev.sluice.console;

import dev.sluice.generations.LiveSeries;
import java.util.List;

/**
 * What a node reports of itself every heartbeat (the {@code report} of its {@code cluster_node}
 * row), for any node's console to show the cluster: its lanes and its last hour of provider calls.
 */
public record NodeReport(List<LaneRow> lanes, List<LiveSeries.MinuteShare> series) {}
