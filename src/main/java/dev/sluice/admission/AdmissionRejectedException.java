package dev.sluice.admission;

import java.time.Duration;

/**
 * A lane's waiting queue is full: the call is refused at once instead of waiting without bound.
 * {@link #retryAfter()} says when coming back has a fair chance.
 */
public class AdmissionRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String lane;
  private final transient Duration retryAfter;

  public AdmissionRejectedException(String lane, Duration retryAfter, String message) {
    super(message);
    this.lane = lane;
    this.retryAfter = retryAfter;
  }

  public String lane() {
    return lane;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
