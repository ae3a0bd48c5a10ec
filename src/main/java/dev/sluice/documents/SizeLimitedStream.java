package dev.sluice.documents;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may be read only up to a limit: the read that would pass it fails with a 413
 * problem, so an oversized upload is refused while it arrives instead of after it was buffered.
 */
public final class SizeLimitedStream extends FilterInputStream {

  private final long max;
  private long read;

  public SizeLimitedStream(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  /**
   * The 413 for a body over {@code max} bytes, also used before reading when its length is known.
   */
  public static ProblemException tooLarge(long max) {
    return new ProblemException(
        Problem.of(
            413,
            "Content Too Large",
            "the request body is larger than " + max + " bytes, the most this call accepts"));
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void count(long n) {
    read += n;
    if (read > max) {
      throw tooLarge(max);
    }
  }
}
