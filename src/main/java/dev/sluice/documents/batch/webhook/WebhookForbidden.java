package dev.sluice.documents.batch.webhook;

/**
 * A webhook the policy will not call: a malformed URL or a reserved, not allow-listed address.
 * Retrying cannot help, so Fault Tolerance aborts on it.
 */
public final class WebhookForbidden extends RuntimeException {

  private static final long serialVersionUID = 1L;

  WebhookForbidden(String reason) {
    super(reason, null, false, false);
  }
}
