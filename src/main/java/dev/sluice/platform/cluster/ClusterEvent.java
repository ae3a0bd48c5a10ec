package dev.sluice.platform.cluster;

import jakarta.json.JsonObject;

/**
 * Something one node tells the others, fired as a CDI event on each of them (never on the node that
 * published it).
 *
 * @param kind who it is for: its observers look at their own kind only
 * @param body what the publisher wrote, as the publisher's feature reads it back
 */
public record ClusterEvent(String kind, JsonObject body) {}
