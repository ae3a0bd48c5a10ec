package dev.sluice.simulator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The batch APIs' memory, shared by every event loop: OpenAI's files (uploaded inputs and the
 * output and error files the simulator writes) and both providers' batches. Everything stays in
 * memory until {@link #clear}; a test simulator holds little, and a benchmark's batches are
 * forgotten with its process.
 */
final class BatchStore {

  /**
   * A stored OpenAI file.
   *
   * @param id {@code file-...}
   * @param filename as uploaded, or the name the simulator gave an output file
   * @param purpose {@code batch} for inputs, {@code batch_output} for what the simulator writes
   * @param createdAt epoch seconds
   * @param content the file's bytes
   */
  record StoredFile(String id, String filename, String purpose, long createdAt, Buffer content) {}

  /** Which API a batch belongs to; each lists only its own. */
  enum Provider {
    OPENAI,
    ANTHROPIC
  }

  private final BatchSettings settings;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
  private final Map<String, SimulatedBatch> byId = new ConcurrentHashMap<>();
  private final Map<Provider, NavigableMap<Long, SimulatedBatch>> bySequence =
      Map.of(
          Provider.OPENAI, new ConcurrentSkipListMap<>(),
          Provider.ANTHROPIC, new ConcurrentSkipListMap<>());

  BatchStore(BatchSettings settings) {
    this.settings = settings;
  }

  BatchSettings settings() {
    return settings;
  }

  /** The clock every batch's progress is read against, in epoch milliseconds. */
  long now() {
    return System.currentTimeMillis();
  }

  /** A number no other file or batch of this simulator has, for ids. */
  long nextSequence() {
    return sequence.incrementAndGet();
  }

  void putFile(StoredFile file) {
    files.put(file.id(), file);
  }

  StoredFile file(String id) {
    return files.get(id);
  }

  /** The stored file with this id, or the one {@code build} makes and stores now. */
  StoredFile fileOnce(String id, Supplier<StoredFile> build) {
    return files.computeIfAbsent(id, unused -> build.get());
  }

  void putBatch(Provider provider, SimulatedBatch batch) {
    byId.put(provider + ":" + batch.id(), batch);
    bySequence.get(provider).put(batch.sequence(), batch);
  }

  SimulatedBatch batch(Provider provider, String id) {
    return byId.get(provider + ":" + id);
  }

  /**
   * One page of a provider's batches, newest first, starting after the batch {@code afterId} (from
   * the newest when null); one more than {@code limit} is returned when there are more, so the
   * caller can say so.
   *
   * @return null when {@code afterId} names no batch of this provider
   */
  List<SimulatedBatch> page(Provider provider, String afterId, int limit) {
    NavigableMap<Long, SimulatedBatch> newestFirst = bySequence.get(provider).descendingMap();
    if (afterId != null) {
      SimulatedBatch after = batch(provider, afterId);
      if (after == null) {
        return null;
      }
      newestFirst = newestFirst.tailMap(after.sequence(), false);
    }
    List<SimulatedBatch> page = new ArrayList<>();
    for (SimulatedBatch batch : newestFirst.values()) {
      if (page.size() > limit) {
        break;
      }
      page.add(batch);
    }
    return page;
  }

  /** How many files and batches are held, for {@code GET /_sim/batches}. */
  JsonObject sizes() {
    return new JsonObject()
        .put("files", files.size())
        .put("openAiBatches", bySequence.get(Provider.OPENAI).size())
        .put("anthropicBatches", bySequence.get(Provider.ANTHROPIC).size());
  }

  void clear() {
    files.clear();
    byId.clear();
    bySequence.values().forEach(Map::clear);
  }
}
