package dev.sluice.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of {@code jcmd <pid> GC.class_histogram}: live bytes and instances per class. The
 * classes that grew most between two histograms say where the heap per chat goes.
 */
final class HeapHistogram {

  static final HeapHistogram EMPTY = new HeapHistogram(Map.of(), 0);

  private static final Pattern ROW =
      Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);
  private static final Pattern TOTAL =
      Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)", Pattern.MULTILINE);

  private final Map<String, long[]> byClass;
  private final long totalBytes;

  private HeapHistogram(Map<String, long[]> byClass, long totalBytes) {
    this.byClass = byClass;
    this.totalBytes = totalBytes;
  }

  static HeapHistogram parse(String jcmdOutput) {
    Map<String, long[]> byClass = new HashMap<>();
    Matcher row = ROW.matcher(jcmdOutput);
    while (row.find()) {
      long[] counts = {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))};
      // A class loaded by two loaders appears twice; what matters here is the sum.
      byClass.merge(row.group(3), counts, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
    }
    Matcher total = TOTAL.matcher(jcmdOutput);
    if (!total.find()) {
      throw new IllegalArgumentException("not a class histogram: " + jcmdOutput);
    }
    return new HeapHistogram(byClass, Long.parseLong(total.group(2)));
  }

  long totalBytes() {
    return totalBytes;
  }

  boolean isEmpty() {
    return byClass.isEmpty();
  }

  /** The {@code top} classes whose live bytes grew most since {@code before}. */
  List<Growth> growthSince(HeapHistogram before, int top) {
    return byClass.entrySet().stream()
        .map(
            e -> {
              long[] was = before.byClass.getOrDefault(e.getKey(), new long[2]);
              long[] now = e.getValue();
              return new Growth(e.getKey(), now[0] - was[0], now[1] - was[1]);
            })
        .sorted(Comparator.comparingLong(Growth::bytes).reversed())
        .limit(top)
        .toList();
  }

  /** How much one class grew. */
  record Growth(String className, long instances, long bytes) {}
}
