package dev.sluice.documents.batch.rest;

import dev.sluice.chat.ChatCursor;
import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.AnalysisResult;
import dev.sluice.documents.batch.BatchLimiters;
import dev.sluice.documents.batch.BatchQueries;
import dev.sluice.documents.batch.BatchService;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/** Keyset pages of batches and of results, with the opaque cursor of the next page. */
@RequestScoped
public class BatchPages {

  @Inject BatchQueries queries;
  @Inject BatchService batches;
  @Inject BatchLimiters limiters;
  @Inject Caller caller;

  BatchPageView batches(int limit, ChatCursor after) {
    List<AnalysisBatch> rows = queries.ownedBy(caller.name(), after, limit + 1);
    boolean more = rows.size() > limit;
    List<AnalysisBatch> page = more ? rows.subList(0, limit) : rows;
    String next =
        more
            ? new ChatCursor(
                    LocalDateTime.ofInstant(page.get(limit - 1).createdAt(), ZoneOffset.UTC),
                    page.get(limit - 1).id())
                .encode()
            : null;
    return new BatchPageView(
        page.stream()
            .map(b -> BatchView.of(b, batches.progress(b), limiters.inFlight(b.id())))
            .toList(),
        next);
  }

  ResultPageView results(AnalysisBatch batch, int limit, String after) {
    int afterItem = 0;
    String afterAnalysis = "";
    if (after != null) {
      String[] position = decode(after);
      afterItem = Integer.parseInt(position[0]);
      afterAnalysis = position[1];
    }
    List<AnalysisResult> rows = queries.results(batch.id(), afterItem, afterAnalysis, limit + 1);
    boolean more = rows.size() > limit;
    List<AnalysisResult> page = more ? rows.subList(0, limit) : rows;
    String next = more ? encode(page.get(limit - 1)) : null;
    return new ResultPageView(page.stream().map(ResultView::of).toList(), next);
  }

  private static String encode(AnalysisResult last) {
    String plain = last.itemNo() + ":" + last.key().analysis();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String token) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 2);
      Integer.parseInt(parts[0]);
      if (parts.length == 2) {
        return parts;
      }
    } catch (IllegalArgumentException malformed) {
      // reported below
    }
    throw ProblemException.invalidField(
        400, "after", "not a cursor from a previous page; use the 'next' value as it came");
  }
}
