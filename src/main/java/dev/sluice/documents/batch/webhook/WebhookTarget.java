package dev.sluice.documents.batch.webhook;

import java.net.InetSocketAddress;

/** A webhook URL that passed the policy, and the vetted address and port to connect to. */
public record WebhookTarget(WebhookUrl url, InetSocketAddress address) {}
