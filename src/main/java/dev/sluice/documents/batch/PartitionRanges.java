package dev.sluice.documents.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits items 1..n into at most {@code partitions} contiguous ranges of nearly equal size. The
 * same inputs always give the same ranges, so a restarted job's partitions are the first run's.
 */
public final class PartitionRanges {

  /** Items {@code first} to {@code last}, both included. */
  public record Range(int first, int last) {
    public int size() {
      return last - first + 1;
    }
  }

  private PartitionRanges() {}

  public static List<Range> split(int items, int partitions) {
    int count = Math.max(1, Math.min(partitions, items));
    List<Range> ranges = new ArrayList<>(count);
    int base = items / count;
    int extra = items % count;
    int next = 1;
    for (int i = 0; i < count; i++) {
      int size = base + (i < extra ? 1 : 0);
      ranges.add(new Range(next, next + size - 1));
      next += size;
    }
    return ranges;
  }
}
