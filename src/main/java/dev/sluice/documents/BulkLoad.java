package dev.sluice.documents;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores many text documents from one JSON Lines body. The body is read line by line and written in
 * JDBC batches of {@code chunk-size} rows as it arrives, all in one transaction: memory holds one
 * chunk, never the whole load, and a bad line anywhere rolls back every row before it, so a failed
 * load leaves nothing behind and can simply be sent again once fixed.
 */
@ApplicationScoped
public class BulkLoad {

  @Inject DocumentBulkInsert insert;
  @Inject DocumentSettings settings;
  @Inject Caller caller;

  private final Clock clock = Clock.systemUTC();

  /** The ids of the stored documents, in the order of their lines. */
  @Transactional
  public List<String> load(InputStream body) {
    DocumentSettings.BulkLimits limits = settings.bulk();
    String owner = caller.name();
    List<Document> chunk = new ArrayList<>(limits.chunkSize());
    List<String> ids = new ArrayList<>();
    try (JsonLines lines =
        new JsonLines(new SizeLimitedStream(body, limits.maxBytes()), limits.maxLineChars())) {
      for (JsonLines.Line line = lines.next(); line != null; line = lines.next()) {
        if (ids.size() == limits.maxLines()) {
          throw tooMany(limits.maxLines());
        }
        Document document =
            DocumentIntake.plainText(owner, BulkLine.parse(line, settings.maxTextChars()), clock);
        chunk.add(document);
        ids.add(document.id());
        if (chunk.size() == limits.chunkSize()) {
          insert.insert(chunk);
          chunk.clear();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the bulk body failed", e);
    }
    if (ids.isEmpty()) {
      throw ProblemException.invalidField(400, "lines", "no document: the body has no lines");
    }
    insert.insert(chunk);
    return ids;
  }

  private static ProblemException tooMany(int max) {
    return new ProblemException(
        Problem.of(
            413,
            "Content Too Large",
            "more than " + max + " lines; split the load, nothing was stored"));
  }
}
