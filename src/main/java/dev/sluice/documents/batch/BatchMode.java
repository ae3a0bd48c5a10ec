package dev.sluice.documents.batch;

import java.util.Locale;

/** How a batch's analyses reach the provider. */
public enum BatchMode {
  /** Every call through the admission gate, as a chat's: answers in seconds, at the list price. */
  INTERACTIVE,
  /**
   * Through the provider's own batch API (OpenAI Batch, Anthropic Message Batches): answered within
   * the provider's window (24 hours), at its batch price, outside the interactive rate limits.
   */
  PROVIDER;

  /** The name in the API: {@code interactive} or {@code provider}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static BatchMode parse(String value) {
    for (BatchMode mode : values()) {
      if (mode.apiName().equalsIgnoreCase(value.strip())) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + value + "'; use interactive or provider");
  }
}
