package dev.sluice.platform.cluster;

import java.time.Instant;
import java.util.List;

/**
 * Where the nodes of a cluster register and renew their leases: a table in the shared database.
 * Every change is one conditional statement, so two nodes racing for the same change cannot both
 * make it.
 */
public interface NodeRegistry {

  /** Registers a node that has just started. */
  void register(String id, String name, Instant now);

  /**
   * Ends every other node registered under {@code name} that is still up: a server restarting under
   * its name has outlived its earlier run. Returns how many it ended.
   */
  int endOthersNamed(String name, String exceptId, Instant now);

  /** Renews the node's lease; false when it has been ended meanwhile (it must not go on as it). */
  boolean heartbeat(String id, Instant now);

  /** Ends the node, if it is still up. */
  void end(String id, NodeEnd how, Instant now);

  /** Ends every node still up whose last heartbeat is older than {@code cutoff}; how many. */
  int expire(Instant cutoff, Instant now);

  /**
   * Ended nodes whose work nobody has recovered yet: none claimed it, the claimant ended too, or
   * the claimant is {@code by} itself and has not finished.
   */
  List<NodeRecord> unrecovered(String by);

  /** Claims the recovery of an ended node's work; false when another live node holds it. */
  boolean claimRecovery(String nodeId, String by);

  /** Records that the recovery of the node's work has finished. */
  void recovered(String nodeId, Instant now);

  /** Forgets the ended nodes whose work was recovered before {@code before}; how many. */
  int forget(Instant before);

  /** Every node up, and those ended since {@code since}, newest start first. */
  List<NodeRecord> nodes(Instant since);

  /** Keeps what a live node reports of itself (opaque to the registry), in place of the last. */
  void report(String id, String report);

  /** The last reports of the live nodes other than {@code exceptId}, by node id. */
  java.util.Map<String, String> reports(String exceptId);
}
