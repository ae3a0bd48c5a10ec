package dev.sluice.admission;

import java.util.Objects;

/**
 * What one call asks of a lane.
 *
 * @param priority how urgently
 * @param estimatedTokens prompt tokens (counted with the real tokenizer) plus the requested maximum
 *     output; charged to the tokens-per-minute budget at admission and reconciled on release
 */
public record AdmissionRequest(Priority priority, long estimatedTokens) {

  public AdmissionRequest {
    Objects.requireNonNull(priority, "priority");
    if (estimatedTokens < 0) {
      throw new IllegalArgumentException("estimatedTokens cannot be negative");
    }
  }
}
