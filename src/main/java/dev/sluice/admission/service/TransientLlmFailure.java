package dev.sluice.admission.service;

import dev.sluice.llm.LlmException;

/**
 * A retryable provider failure, as its own type so MicroProfile Fault Tolerance's {@code retryOn}
 * and {@code failOn} can tell it apart from failures that retrying cannot fix.
 */
public class TransientLlmFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TransientLlmFailure(LlmException cause) {
    super(cause.getMessage(), cause);
  }

  public LlmException llmException() {
    return (LlmException) getCause();
  }
}
