package dev.sluice.generations;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
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

  /**
   * One minute of one server, whole, to merge with the other servers' in a cluster: its latency
   * distribution travels as HdrHistogram's compressed form (Base64), so merged percentiles are the
   * cluster's, not an average of each server's.
   *
   * @param minute the minute's start, in epoch minutes
   */
  public record MinuteShare(long minute, long calls, long errors, String latency) {}

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
      points.add(b == null || b.minute != m ? empty(m) : point(b));
    }
    return points;
  }

  /** This server's minutes of the last hour that saw calls, for the other servers to merge. */
  public synchronized List<MinuteShare> shares(Instant now) {
    long current = now.getEpochSecond() / 60;
    List<MinuteShare> shares = new ArrayList<>();
    for (long m = current - MINUTES + 1; m <= current; m++) {
      Bucket b = buckets[slot(m)];
      if (b != null && b.minute == m && b.calls > 0) {
        ByteBuffer buffer = ByteBuffer.allocate(b.latency.getNeededByteBufferCapacity());
        int length = b.latency.encodeIntoCompressedByteBuffer(buffer);
        String latency =
            Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
        shares.add(new MinuteShare(m, b.calls, b.errors, latency));
      }
    }
    return shares;
  }

  /**
   * The last hour of a cluster: this server's series with the other servers' minutes added in. A
   * share that cannot be read (another version's format) counts its calls and errors only.
   */
  public List<Point> lastHour(Instant now, List<MinuteShare> others) {
    LiveSeries merged = new LiveSeries();
    long current = now.getEpochSecond() / 60;
    synchronized (this) {
      for (Bucket b : buckets) {
        if (b != null && b.minute > current - MINUTES && b.minute <= current) {
          merged.add(b.minute, b.calls, b.errors, b.latency);
        }
      }
    }
    for (MinuteShare share : others) {
      merged.add(share.minute(), share.calls(), share.errors(), decode(share.latency()));
    }
    return merged.lastHour(now);
  }

  private synchronized void add(long minute, long calls, long errors, Histogram latency) {
    Bucket bucket = bucket(minute);
    if (bucket == null) {
      return;
    }
    bucket.calls += calls;
    bucket.errors += errors;
    if (latency != null) {
      bucket.latency.add(latency);
    }
  }

  private static Histogram decode(String latency) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(latency)), MAX_TRACKED_MS);
    } catch (DataFormatException | RuntimeException e) {
      return null;
    }
  }

  private static Point empty(long minute) {
    return new Point(at(minute), 0, 0, 0, 0);
  }

  private static Point point(Bucket b) {
    boolean any = b.latency.getTotalCount() > 0;
    return new Point(
        at(b.minute),
        b.calls,
        b.errors,
        any ? b.latency.getValueAtPercentile(50) : 0,
        any ? b.latency.getValueAtPercentile(99) : 0);
  }

  private static Instant at(long minute) {
    return Instant.ofEpochSecond(minute * 60).truncatedTo(ChronoUnit.MINUTES);
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
