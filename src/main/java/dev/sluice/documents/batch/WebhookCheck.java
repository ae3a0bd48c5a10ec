package dev.sluice.documents.batch;

import java.util.Optional;

/**
 * Judges a batch's webhook URL when the batch is submitted; the webhook package implements it with
 * its request-forgery policy. It must not block on the network: it runs on the request thread.
 */
@FunctionalInterface
public interface WebhookCheck {

  /** What is wrong with {@code url}, as a field error's message, or empty if it may be stored. */
  Optional<String> refusal(String url);
}
