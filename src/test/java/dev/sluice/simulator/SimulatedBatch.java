package dev.sluice.simulator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One batch of either provider and where it stands at any moment, computed from the clock rather
 * than moved by timers: nothing runs while nobody asks, and a batch read twice at the same instant
 * reads the same. Its processing time splits into a tenth validating, eight tenths in which the
 * items finish one after another at an even pace, and a tenth finalizing; it then ends. An item
 * marked to expire ends the batch the moment that item would have finished; a cancel ends it a
 * tenth of the processing time after the cancel. Either way the items finished before keep their
 * answers.
 */
final class SimulatedBatch {

  /** The stages of a batch; the last three are ends. */
  enum Status {
    VALIDATING,
    IN_PROGRESS,
    FINALIZING,
    CANCELLING,
    COMPLETED,
    EXPIRED,
    CANCELLED
  }

  /** What became of one item at a given moment. */
  enum ItemState {
    PENDING,
    SUCCEEDED,
    ERRORED,
    EXPIRED,
    CANCELLED
  }

  /**
   * The items finished by a moment, split by how they finished.
   *
   * @param succeeded answered items
   * @param errored items answered with an error status
   * @param unfinished items not run: still pending, or expired or cancelled once the batch ended
   */
  record Counts(int succeeded, int errored, int unfinished) {}

  private final String id;
  private final long sequence;
  private final long createdAt;
  private final List<BatchItem> items;
  private final JsonObject details;
  private final int expireIndex;
  private final int[] erroredBefore;
  private final long runStart;
  private final long runMillis;
  private final long finalizingAt;
  private final long completedAt;
  private final long expireAt;
  private final long cancelDelay;
  private volatile long cancelAt = -1;
  private Buffer results;

  /**
   * A batch whose clock starts at {@code createdAt}, its items' answers already decided.
   *
   * @param id the provider's id of the batch
   * @param sequence the batch's place among all batches, to list the newest first
   * @param createdAt epoch milliseconds
   * @param processingTime from creation to the end, when nothing expires or is cancelled
   * @param items the requests with their answers, in the order given
   * @param details the provider's own fields as given at creation (input file, metadata)
   */
  SimulatedBatch(
      String id,
      long sequence,
      long createdAt,
      Duration processingTime,
      List<BatchItem> items,
      JsonObject details) {
    this.id = id;
    this.sequence = sequence;
    this.createdAt = createdAt;
    this.items = List.copyOf(items);
    this.details = details.copy();
    long total = processingTime.toMillis();
    long tenth = total / 10;
    this.runStart = createdAt + tenth;
    this.runMillis = total - 2 * tenth;
    this.finalizingAt = runStart + runMillis;
    this.completedAt = createdAt + total;
    // One millisecond at least, so the answer to a cancel always shows it under way.
    this.cancelDelay = Math.max(1, tenth);
    this.erroredBefore = new int[this.items.size() + 1];
    int expire = -1;
    for (int i = 0; i < this.items.size(); i++) {
      BatchItem item = this.items.get(i);
      erroredBefore[i + 1] = erroredBefore[i] + (item.succeeded() ? 0 : 1);
      if (expire < 0 && item.expires()) {
        expire = i;
      }
    }
    this.expireIndex = expire;
    // The first moment at which the expiring item would count as finished (see finished()).
    this.expireAt =
        expire < 0
            ? Long.MAX_VALUE
            : runStart + ceilDiv((expire + 1) * runMillis, this.items.size());
  }

  String id() {
    return id;
  }

  long sequence() {
    return sequence;
  }

  long createdAt() {
    return createdAt;
  }

  List<BatchItem> items() {
    return items;
  }

  JsonObject details() {
    return details.copy();
  }

  /** The batch's stage at {@code now} (epoch milliseconds). */
  Status status(long now) {
    long cancel = cancelAt;
    if (cancel >= 0) {
      return now < cancel + cancelDelay ? Status.CANCELLING : Status.CANCELLED;
    } else if (now >= expireAt) {
      return Status.EXPIRED;
    } else if (now < runStart) {
      return Status.VALIDATING;
    } else if (now < finalizingAt) {
      return Status.IN_PROGRESS;
    } else if (now < completedAt) {
      return Status.FINALIZING;
    }
    return Status.COMPLETED;
  }

  boolean ended(long now) {
    return now >= endedAt();
  }

  /** When the batch ends or ended, as things stand: the cancel or expiry moves it earlier. */
  long endedAt() {
    long cancel = cancelAt;
    if (cancel >= 0) {
      return cancel + cancelDelay;
    }
    return expireIndex >= 0 ? expireAt : completedAt;
  }

  /** When items began to run, once they have (never for a batch cancelled while validating). */
  Long inProgressAt(long now) {
    long cancel = cancelAt;
    return now >= runStart && (cancel < 0 || cancel >= runStart) ? runStart : null;
  }

  /** When the batch began finalizing, once it has; an expiring one never does. */
  Long finalizingAt(long now) {
    long cancel = cancelAt;
    boolean reached = now >= finalizingAt && (cancel < 0 || cancel >= finalizingAt);
    return reached && expireIndex < 0 ? finalizingAt : null;
  }

  /** When the cancel was asked for, or null. */
  Long cancelledAt() {
    long cancel = cancelAt;
    return cancel < 0 ? null : cancel;
  }

  /**
   * Cancels the batch unless it has ended; asking again while it is cancelling changes nothing.
   * False when it is too late.
   */
  synchronized boolean cancel(long now) {
    if (cancelAt >= 0) {
      return status(now) == Status.CANCELLING;
    }
    if (ended(now)) {
      return false;
    }
    cancelAt = now;
    return true;
  }

  /** The items finished at {@code now}: always the first ones, in order. */
  int finished(long now) {
    long cancel = cancelAt;
    long t = cancel >= 0 ? Math.min(now, cancel) : now;
    int n = items.size();
    int done;
    if (t < runStart) {
      done = 0;
    } else if (runMillis == 0) {
      done = n;
    } else {
      done = (int) Math.min(n, (t - runStart) * n / runMillis);
    }
    return expireIndex >= 0 ? Math.min(done, expireIndex) : done;
  }

  Counts counts(long now) {
    int done = finished(now);
    int errored = erroredBefore[done];
    return new Counts(done - errored, errored, items.size() - done);
  }

  ItemState itemState(int index, long now) {
    if (index < finished(now)) {
      return items.get(index).succeeded() ? ItemState.SUCCEEDED : ItemState.ERRORED;
    } else if (!ended(now)) {
      return ItemState.PENDING;
    }
    return cancelAt >= 0 ? ItemState.CANCELLED : ItemState.EXPIRED;
  }

  /**
   * The results document of an ended batch, built the first time it is asked for and then kept, so
   * every download of it is the same bytes.
   */
  synchronized Buffer results(Supplier<Buffer> build) {
    if (results == null) {
      results = build.get();
    }
    return results;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
