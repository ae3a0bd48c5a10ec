package dev.sluice.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the server's threads from its MicroProfile Metrics and its live heap with the diagnostic
 * command {@code GC.class_histogram}, which collects fully and then counts what survived: the
 * figure is not disturbed by garbage allocated between a forced collection and the reading. When
 * the server cannot be attached to, it falls back to the least of a few used-heap readings.
 */
final class ServerGauges implements AutoCloseable {

  private static final Pattern METRIC =
      Pattern.compile("^(\\w+)\\{mp_scope=\"base\",\\}\\s+(\\S+)$", Pattern.MULTILINE);

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI metrics;
  private final AttachedJvm jvm;

  ServerGauges(URI server, OptionalLong pid) {
    this.metrics = server.resolve("/metrics?scope=base");
    this.jvm = attach(pid);
  }

  /** The server's state now; the heap reading stops the server's world for a moment. */
  ServerSnapshot take() throws IOException, InterruptedException {
    if (jvm != null) {
      // The histogram first: it is the reading that must fall on the plateau.
      HeapHistogram histogram = HeapHistogram.parse(jvm.run("GC.class_histogram"));
      return snapshot(base(), histogram.totalBytes(), histogram, "GC.class_histogram");
    }
    long least = Long.MAX_VALUE;
    Map<String, Double> base = Map.of();
    for (int i = 0; i < 5; i++) {
      base = base();
      least = Math.min(least, base.getOrDefault("memory_usedHeap_bytes", 0.0).longValue());
      Thread.sleep(200);
    }
    return snapshot(base, least, HeapHistogram.EMPTY, "the least of 5 used-heap metrics");
  }

  @Override
  public void close() throws IOException {
    if (jvm != null) {
      jvm.close();
    }
  }

  private static AttachedJvm attach(OptionalLong pid) {
    if (pid.isEmpty()) {
      System.err.println("the server's process id is unknown: heap from metrics instead");
      return null;
    }
    try {
      return AttachedJvm.attach(pid.getAsLong());
    } catch (IOException e) {
      System.err.println(e.getMessage() + ": heap from metrics instead");
      return null;
    }
  }

  private static ServerSnapshot snapshot(
      Map<String, Double> base, long heap, HeapHistogram histogram, String method) {
    return new ServerSnapshot(
        base.getOrDefault("thread_count", -1.0).intValue(),
        base.getOrDefault("thread_max_count", -1.0).intValue(),
        heap,
        base.getOrDefault("memory_maxHeap_bytes", -1.0).longValue(),
        histogram,
        method);
  }

  private Map<String, Double> base() throws IOException, InterruptedException {
    String text =
        http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    Map<String, Double> values = new HashMap<>();
    Matcher m = METRIC.matcher(text);
    while (m.find()) {
      values.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return values;
  }
}
