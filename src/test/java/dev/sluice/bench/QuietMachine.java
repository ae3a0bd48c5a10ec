package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits, before a measured round, until the machine's CPUs are quiet: the server may still be
 * writing the previous round's answers, and PostgreSQL checkpointing or vacuuming after it, on the
 * same cores the next round needs. A baseline round run in that wake measures a busy machine, and
 * Sluice's "added" time comes out too small (seen: a burst straight to the simulator at 5.0 s p50
 * right after Sluice's burst on PostgreSQL, against 0.6 s on H2). Reads {@code /proc/stat}; where
 * it is missing, returns at once.
 */
final class QuietMachine {

  /** Quiet: the machine's CPUs busy less than this share over one sample. */
  static final double QUIET_SHARE = 0.15;

  private static final Path STAT = Path.of("/proc/stat");
  private static final Duration SAMPLE = Duration.ofSeconds(1);
  private static final Duration MOST = Duration.ofSeconds(120);

  private QuietMachine() {}

  /** How long a wait took, and the busy share of its last sample. */
  record Waited(Duration took, double lastBusyShare, boolean quiet) {}

  /** CPU time counters of all CPUs together, in the kernel's ticks. */
  record Ticks(long busy, long total) {

    /**
     * The first line of {@code /proc/stat}: {@code cpu user nice system idle iowait irq softirq
     * steal ...}; idle and iowait are idle, the rest busy (guest time is already in user).
     */
    static Optional<Ticks> parse(String cpuLine) {
      String[] f = cpuLine.trim().split("\\s+");
      if (f.length < 8 || !f[0].equals("cpu")) {
        return Optional.empty();
      }
      try {
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        long busy = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
          if (i != 4 && i != 5) {
            busy += Long.parseLong(f[i]);
          }
        }
        return Optional.of(new Ticks(busy, busy + idle));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    /** The share of CPU time that was busy since {@code earlier}; 0 when no time passed. */
    double busyShareSince(Ticks earlier) {
      long total = this.total - earlier.total;
      return total <= 0 ? 0 : (double) (busy - earlier.busy) / total;
    }
  }

  /** Waits until one sample is quiet, or {@link #MOST} has passed; empty if it cannot tell. */
  static Optional<Waited> await() throws InterruptedException {
    long start = System.nanoTime();
    Optional<Ticks> before = read();
    if (before.isEmpty()) {
      return Optional.empty();
    }
    while (true) {
      Thread.sleep(SAMPLE.toMillis());
      Optional<Ticks> now = read();
      if (now.isEmpty()) {
        return Optional.empty();
      }
      double share = now.get().busyShareSince(before.get());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (share < QUIET_SHARE || took.compareTo(MOST) >= 0) {
        return Optional.of(new Waited(took, share, share < QUIET_SHARE));
      }
      before = now;
    }
  }

  private static Optional<Ticks> read() {
    try (var lines = Files.lines(STAT)) {
      return lines.findFirst().flatMap(Ticks::parse);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
