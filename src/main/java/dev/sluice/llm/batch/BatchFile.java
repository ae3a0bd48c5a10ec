package dev.sluice.llm.batch;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The requests of one provider batch, written to a file as they are added, so that building a batch
 * of 100,000 requests holds one of them in memory, not 100,000. Each is written in its provider's
 * format ({@link ProviderBatchApi#newFile}), and the file stays within the provider's {@link
 * BatchLimits}: a request that would take it past one is refused, and the caller sends this file
 * and starts the next. Custom ids must differ within a file; the caller's keys do (checking them
 * here would cost memory for every request).
 */
public final class BatchFile implements Closeable {

  private final Path path;
  private final BatchLimits limits;
  private final long framing;
  private final byte[] separator;
  private final Function<BatchRequest, String> format;
  private final OutputStream out;
  private int count;
  private long bytes;
  private boolean closed;

  /**
   * @param framing bytes the upload adds around the file's content (counted against the limit)
   * @param separator written between two requests
   * @param format a request as the provider reads it
   */
  BatchFile(
      Path path,
      BatchLimits limits,
      long framing,
      String separator,
      Function<BatchRequest, String> format)
      throws IOException {
    this.path = path;
    this.limits = limits;
    this.framing = framing;
    this.separator = separator.getBytes(StandardCharsets.UTF_8);
    this.format = format;
    this.out = new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024);
  }

  /**
   * Writes the request, unless it would take the file past the provider's limits: false then, and
   * the file is unchanged.
   *
   * @throws IllegalArgumentException when the request alone is larger than a batch may upload
   * @throws IllegalStateException when the file has been closed
   */
  public boolean add(BatchRequest request) throws IOException {
    if (closed) {
      throw new IllegalStateException("batch file " + path + " is closed");
    }
    byte[] written = format.apply(request).getBytes(StandardCharsets.UTF_8);
    long after = bytes + (count > 0 ? separator.length : 0) + written.length;
    if (count == 0) {
      limits.checkBytes(after + framing);
    } else if (count == limits.maxRequests() || after + framing > limits.maxBytes()) {
      return false;
    }
    if (count > 0) {
      out.write(separator);
    }
    out.write(written);
    count++;
    bytes = after;
    return true;
  }

  /** Requests written. */
  public int count() {
    return count;
  }

  /** Bytes written, without the upload's framing. */
  public long bytes() {
    return bytes;
  }

  public Path path() {
    return path;
  }

  /** Ends the file: nothing more can be added, and what was added is on disk. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }
}
