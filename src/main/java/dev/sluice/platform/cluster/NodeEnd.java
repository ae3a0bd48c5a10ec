package dev.sluice.platform.cluster;

/** How a node's membership ended. */
public enum NodeEnd {
  /** It stopped cleanly and said so. */
  STOPPED,
  /** A new start under the same name found it still registered: it died (kill -9, crash). */
  RESTARTED,
  /** Its lease ran out: no heartbeat for longer than {@code sluice.cluster.lease}. */
  EXPIRED
}
