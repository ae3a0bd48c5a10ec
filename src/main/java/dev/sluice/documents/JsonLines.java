package dev.sluice.documents;

import dev.sluice.platform.problem.ProblemException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a JSON Lines body (UTF-8, one JSON value per line) one line at a time, never holding more
 * than one line: a line longer than the limit is a 400 naming it, found before it is all read.
 * Blank lines are skipped but counted, so line numbers match what an editor shows.
 */
final class JsonLines implements Closeable {

  /** One non-blank line and its number, counted from 1. */
  record Line(int number, String text) {}

  private final Reader reader;
  private final int maxChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private int number;

  JsonLines(InputStream in, int maxChars) {
    this.reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    this.maxChars = maxChars;
  }

  /** The next non-blank line, or null at the end of the body. */
  Line next() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      boolean ended = readLine(line);
      if (!line.isEmpty() && !line.toString().isBlank()) {
        return new Line(number, stripCarriageReturn(line));
      }
      if (ended) {
        return null;
      }
      line.setLength(0);
    }
  }

  /** Appends one line (without its newline) to {@code line}; true when the body ended. */
  private boolean readLine(StringBuilder line) throws IOException {
    number++;
    while (true) {
      if (position == limit && !fill()) {
        return true;
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.append(buffer, start, position - start);
      if (line.length() > maxChars) {
        throw ProblemException.invalidField(
            400, "lines[" + number + "]", "longer than " + maxChars + " characters");
      }
      if (position < limit) {
        position++;
        return false;
      }
    }
  }

  private boolean fill() throws IOException {
    int n = reader.read(buffer);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  private static String stripCarriageReturn(StringBuilder line) {
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
