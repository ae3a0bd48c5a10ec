package dev.sluice.platform.concurrent;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The failure behind the wrappers that futures and completion stages put around it. */
public final class Causes {

  private Causes() {}

  /**
   * {@code error} without its {@link CompletionException} and {@link ExecutionException} wrappers.
   */
  public static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
