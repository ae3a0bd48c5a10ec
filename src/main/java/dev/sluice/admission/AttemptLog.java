package dev.sluice.admission;

import java.util.ArrayList;
import java.util.List;

/** The tries of one call in the order they ended; safe to read while the call goes on. */
final class AttemptLog {

  private final List<Attempt> attempts = new ArrayList<>();

  /** Adds a try; a null (a try recorded already) is ignored. */
  synchronized void add(Attempt attempt) {
    if (attempt != null) {
      attempts.add(attempt);
    }
  }

  synchronized List<Attempt> snapshot() {
    return List.copyOf(attempts);
  }
}
