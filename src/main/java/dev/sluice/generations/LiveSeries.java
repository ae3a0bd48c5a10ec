package dev.sluice.generations;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The last hour of provider calls on this server, a minute at a time: calls, errors, and the
 * latency distribution (HdrHistogram, 2 significant digits, up to an hour) for p50 and p99. Kept in
 * memory for the overview's charts; a fresh server starts empty.
 */
public final class LiveSeries {

  /** Minutes shown. */
  public static final int MINUTES = 60;

  private static final long MAX_TRACKED_MS = 3_600_000;

  /** One minute's figures, in order, oldest first. */
  public record Point(Instant minute, long calls, long errors, long p50Ms, long p99Ms) {}

  private final Bucket[] buckets = new Bucket[MINUTES];

  private static final class Bucket {
    final long minute;
    final Histogram latency = new Histogram(MAX_TRACKED_MS, 2);
    long calls;
    long errors;

    Bucket(long minute) {
      this.minute = minute;
    }
  }

  /** Counts a call that ended at {@code endedAt} after {@code totalMs}. */
  public synchronized void record(Instant endedAt, long totalMs, boolean failed) {
    long minute = endedAt.getEpochSecond() / 60;
    Bucket bucket = bucket(minute);
    if (bucket == null) {
      return; // older than the hour shown
    }
    bucket.calls++;
    if (failed) {
      bucket.errors++;
    } else {
      bucket.latency.recordValue(Math.max(0, Math.min(totalMs, MAX_TRACKED_MS)));
    }
  }

  /** The {@value #MINUTES} minutes up to and including {@code now}'s, oldest first. */
  public synchronized List<Point> lastHour(Instant now) {
    long current = now.getEpochSecond() / 60;
    List<Point> points = new ArrayList<>(MINUTES);
    for (long m = current - MINUTES + 1; m <= current; m++) {
      Bucket b = buckets[slot(m)];
      Instant at = Instant.ofEpochSecond(m * 60).truncatedTo(ChronoUnit.MINUTES);
      if (b == null || b.minute != m) {
        points.add(new Point(at, 0, 0, 0, 0));
      } else {
        boolean any = b.latency.getTotalCount() > 0;
        points.add(
            new Point(
                at,
                b.calls,
                b.errors,
                any ? b.latency.getValueAtPercentile(50) : 0,
                any ? b.latency.getValueAtPercentile(99) : 0));
      }
    }
    return points;
  }

  private Bucket bucket(long minute) {
    int slot = slot(minute);
    Bucket b = buckets[slot];
    if (b != null && b.minute > minute) {
      return null;
    }
    if (b == null || b.minute != minute) {
      b = new Bucket(minute);
      buckets[slot] = b;
    }
    return b;
  }

  private static int slot(long minute) {
    return (int) Math.floorMod(minute, (long) MINUTES);
  }
}
