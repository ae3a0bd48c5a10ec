/**
 * Membership of a cluster of Sluice servers sharing one database: each running server is a node
 * with a heartbeat and a lease, and work that a node owned when its lease ran out (or when it
 * stopped) is handed to the features, through a {@link dev.sluice.platform.cluster.NodeEnded} event
 * on exactly one survivor, to recover. Live events between the nodes (answers' chunks, breaker
 * trips) travel on the {@link dev.sluice.platform.cluster.ClusterBus}, a topic of the shared
 * broker. One server alone is a cluster of one, and its bus is off.
 */
package dev.sluice.platform.cluster;
