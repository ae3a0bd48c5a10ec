package dev.sluice.documents.batch.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a provider batch's downloaded results are kept while they are collected: a file per
 * provider batch in the server's temporary directory, deleted once collected. A collection that
 * starts again on a server without the file downloads it again.
 */
final class ResultFiles {

  private ResultFiles() {}

  static Path of(String providerBatchId) throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "sluice-provider-batches");
    Files.createDirectories(dir);
    return dir.resolve(providerBatchId + ".jsonl");
  }
}
