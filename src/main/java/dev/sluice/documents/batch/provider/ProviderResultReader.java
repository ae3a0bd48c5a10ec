package dev.sluice.documents.batch.provider;

import dev.sluice.llm.batch.BatchResult;
import dev.sluice.llm.batch.ProviderBatch;
import dev.sluice.llm.batch.ProviderBatchApi;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads an ended provider batch's results a line at a time from the file they were downloaded to
 * (downloaded at the start, and again when a restarted collection finds no file), checkpointing the
 * line number. Memory holds one line.
 */
@Named("providerResultReader")
@Dependent
public class ProviderResultReader extends AbstractItemReader {

  private static final Logger LOG = Logger.getLogger(ProviderResultReader.class.getName());

  @Inject @BatchProperty String providerBatchId;

  @Inject ProviderBatchStore store;
  @Inject ProviderBatches batches;

  private ProviderBatchApi api;
  private BufferedReader lines;
  private long lineNo;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    ProviderBatchRecord record =
        store
            .find(providerBatchId)
            .orElseThrow(() -> new IllegalStateException("no provider batch " + providerBatchId));
    ProviderBatch snapshot =
        record
            .snapshot()
            .orElseThrow(() -> new IllegalStateException(providerBatchId + " was never created"));
    api = batches.api(batches.model(record.model()));
    Path file = ResultFiles.of(providerBatchId);
    long from = checkpoint == null ? 0 : (Long) checkpoint;
    if (from == 0 || !Files.exists(file)) {
      api.download(snapshot, file).toCompletableFuture().get(30, TimeUnit.MINUTES);
    }
    lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    while (lineNo < from && lines.readLine() != null) {
      lineNo++;
    }
  }

  @Override
  public Object readItem() throws Exception {
    String line;
    while ((line = lines.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        return api.result(line);
      } catch (RuntimeException malformed) {
        // Its request gets a failed result when the provider batch settles, as one without any.
        LOG.log(
            Level.WARNING,
            "provider batch " + providerBatchId + ": line " + lineNo + " is not a result; skipped",
            malformed);
      }
    }
    return null;
  }

  @Override
  public Serializable checkpointInfo() {
    return lineNo;
  }

  @Override
  public void close() throws Exception {
    if (lines != null) {
      lines.close();
    }
  }

  /** The result type this reader hands on, for the writer. */
  static BatchResult result(Object item) {
    return (BatchResult) item;
  }
}
