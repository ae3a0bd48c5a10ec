package dev.sluice.platform.cluster;

import java.time.Instant;

/**
 * One node as the registry holds it: a run of one server, from its start to its end.
 *
 * @param endedAt null while it is up
 * @param ended how it ended; null while it is up
 * @param recoveredBy the node that recovers (or recovered) its work; null until one claims it
 * @param recoveredAt when that recovery finished; null until then
 */
public record NodeRecord(
    String id,
    String name,
    Instant startedAt,
    Instant heartbeatAt,
    Instant endedAt,
    NodeEnd ended,
    String recoveredBy,
    Instant recoveredAt) {

  public boolean up() {
    return endedAt == null;
  }
}
