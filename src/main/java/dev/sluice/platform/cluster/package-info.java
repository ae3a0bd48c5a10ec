/**
 * Membership of a cluster of Sluice servers sharing one database: each running server is a node
 * with a heartbeat and a lease, and work that a node owned when its lease ran out (or when it
 * stopped) is handed to the features, through a {@link dev.sluice.platform.cluster.NodeEnded} event
 * on exactly one survivor, to recover. One server alone is a cluster of one.
 */
package dev.sluice.platform.cluster;
