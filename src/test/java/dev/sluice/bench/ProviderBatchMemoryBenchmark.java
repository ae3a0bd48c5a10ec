package dev.sluice.bench;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.batch.BatchFile;
import dev.sluice.llm.batch.BatchRequest;
import dev.sluice.llm.batch.BatchResult;
import dev.sluice.llm.batch.ProviderBatch;
import dev.sluice.llm.batch.ProviderBatchApi;
import dev.sluice.llm.batch.ProviderBatchApis;
import dev.sluice.llm.http.HttpClients;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live heap while a provider batch of many requests is built and collected (issue 16), against the
 * simulator's batch API in its own process: the requests written to request files as they are made,
 * uploaded from disk, the results downloaded to disk and read a line at a time. Live heap is the
 * heap in use after a full collection, sampled every {@code --sample-every} requests; growth is the
 * largest sample less the sample taken before. The baseline row of the same run holds the same
 * requests in a list, as building a batch in memory would.
 *
 * <p>{@code bin/bench-provider-batch-memory [--type=openai|anthropic] [--requests=100000]
 * [--text-chars=400]}
 */
public final class ProviderBatchMemoryBenchmark {

  private static final double MIB = 1024.0 * 1024.0;

  private final ProviderBatchApi api;
  private final int requests;
  private final int textChars;
  private final int sampleEvery;
  private final Path dir;

  private ProviderBatchMemoryBenchmark(
      ProviderBatchApi api, int requests, int textChars, int sampleEvery, Path dir) {
    this.api = api;
    this.requests = requests;
    this.textChars = textChars;
    this.sampleEvery = sampleEvery;
    this.dir = dir;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = NamedArgs.parse(args);
    ProviderType type =
        ProviderType.valueOf(options.getOrDefault("type", "openai").toUpperCase(Locale.ROOT));
    ScheduledExecutorService threads = Executors.newScheduledThreadPool(2);
    try {
      ProviderSettings settings =
          ProviderSettings.defaults(
              "sim-" + type.name().toLowerCase(Locale.ROOT),
              type,
              URI.create(options.getOrDefault("simulator", "http://127.0.0.1:18470") + "/v1"),
              options.getOrDefault("key", "sk-bench-batch"));
      ProviderBatchApi api =
          ProviderBatchApis.forProvider(
                  settings, HttpClients.forProvider(settings, ProviderRuntime.of(threads, threads)))
              .orElseThrow();
      Path dir = Files.createTempDirectory("sluice-batch-bench");
      ProviderBatchMemoryBenchmark bench =
          new ProviderBatchMemoryBenchmark(
              api,
              Integer.parseInt(options.getOrDefault("requests", "100000")),
              Integer.parseInt(options.getOrDefault("text-chars", "400")),
              Integer.parseInt(options.getOrDefault("sample-every", "10000")),
              dir);
      bench.run(type);
    } finally {
      threads.shutdownNow();
    }
  }

  private void run(ProviderType type) throws Exception {
    System.out.printf(
        "provider batch memory: %s, %,d requests of %,d characters, %s, heap max %.0f MiB%n",
        type, requests, textChars, Runtime.version(), Runtime.getRuntime().maxMemory() / MIB);
    long before = liveHeap();
    long started = System.nanoTime();
    List<ProviderBatch> batches = new ArrayList<>();
    long buildPeak = build(batches);
    Duration built = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf(
        "| built and uploaded: %d batch(es), %.1f s | live heap growth %.1f MiB |%n",
        batches.size(), built.toMillis() / 1000.0, (buildPeak - before) / MIB);

    before = liveHeap();
    started = System.nanoTime();
    Map<BatchResult.Outcome, Integer> outcomes = new EnumMap<>(BatchResult.Outcome.class);
    long collectPeak = collect(batches, outcomes);
    System.out.printf(
        "| downloaded and read: %s, %.1f s | live heap growth %.1f MiB |%n",
        outcomes,
        Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0,
        (collectPeak - before) / MIB);

    // Last, so that what it leaves behind is not counted against the batch files.
    before = liveHeap();
    long listPeak = inMemory();
    System.out.printf(
        "| baseline: the same requests held in a list | live heap growth %.1f MiB |%n",
        (listPeak - before) / MIB);
  }

  /** The baseline: every request made and kept, as a batch built in memory would hold them. */
  private long inMemory() {
    List<BatchRequest> all = new ArrayList<>(requests);
    long peak = 0;
    for (int i = 0; i < requests; i++) {
      all.add(request(i));
      if ((i + 1) % sampleEvery == 0) {
        peak = Math.max(peak, liveHeap());
      }
    }
    peak = Math.max(peak, liveHeap());
    if (all.size() != requests) {
      throw new IllegalStateException("lost requests");
    }
    return peak;
  }

  private long build(List<ProviderBatch> batches) throws Exception {
    long peak = 0;
    BatchFile file = api.newFile(dir.resolve("requests-0"));
    for (int i = 0; i < requests; i++) {
      BatchRequest request = request(i);
      if (!file.add(request)) {
        batches.add(api.create(file).toCompletableFuture().join());
        Files.delete(file.path());
        file = api.newFile(dir.resolve("requests-" + batches.size()));
        file.add(request);
      }
      if ((i + 1) % sampleEvery == 0) {
        peak = Math.max(peak, liveHeap());
      }
    }
    batches.add(api.create(file).toCompletableFuture().join());
    Files.delete(file.path());
    return Math.max(peak, liveHeap());
  }

  private long collect(List<ProviderBatch> batches, Map<BatchResult.Outcome, Integer> outcomes)
      throws Exception {
    long peak = 0;
    int read = 0;
    for (ProviderBatch created : batches) {
      ProviderBatch ended = ended(created);
      Path results = dir.resolve("results-" + ended.id() + ".jsonl");
      api.download(ended, results).toCompletableFuture().join();
      try (BufferedReader lines = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          outcomes.merge(api.result(line).outcome(), 1, Integer::sum);
          if (++read % sampleEvery == 0) {
            peak = Math.max(peak, liveHeap());
          }
        }
      }
      Files.delete(results);
    }
    return Math.max(peak, liveHeap());
  }

  /** Polls the batch's status every half second until it has ended. */
  private ProviderBatch ended(ProviderBatch batch) {
    ProviderBatch now = batch;
    while (!now.status().ended()) {
      ProviderBatch last = now;
      now =
          CompletableFuture.supplyAsync(
                  () -> api.status(last).toCompletableFuture().join(),
                  CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS))
              .join();
    }
    return now;
  }

  private BatchRequest request(int i) {
    StringBuilder text = new StringBuilder(textChars + 32);
    text.append("Document ").append(i).append(": ");
    while (text.length() < textChars) {
      text.append("the river rose against the sluice gates and the keepers watched. ");
    }
    text.setLength(textChars);
    return new BatchRequest(
        "d" + i + "_summary",
        ChatRequest.of(
            "gpt-4o-mini",
            List.of(
                ChatMessage.system("Summarise the document."), ChatMessage.user(text.toString()))));
  }

  /** Heap in use after a full collection. */
  private static long liveHeap() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
