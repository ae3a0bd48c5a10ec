package dev.sluice.platform.cluster;

import java.time.Instant;

/**
 * A node has ended (stopped, restarted under the same name, or its lease ran out) and this node
 * recovers its work. Fired on one node per ended node, on the membership's thread; an observer that
 * throws has the event fired again on the next heartbeat, so recovery must be safe to repeat.
 *
 * @param nodeId the ended node's id, as written into the work it owned
 * @param name its name
 * @param lastHeartbeat its last heartbeat: whatever it wrote after that may be lost with it
 * @param how why it ended
 */
public record NodeEnded(String nodeId, String name, Instant lastHeartbeat, NodeEnd how) {}
