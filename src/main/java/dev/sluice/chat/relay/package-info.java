/**
 * Streams across the nodes of a cluster: each node publishes its answers' events (chunks, status,
 * ends) and users' cancel requests on the cluster bus; every other node feeds them to its own
 * sockets' hub, so a WebSocket on any node sees every answer and resumes on any node, and a cancel
 * reaches the node that runs the answer. Off on a single server, where the local path is as before.
 */
package dev.sluice.chat.relay;
