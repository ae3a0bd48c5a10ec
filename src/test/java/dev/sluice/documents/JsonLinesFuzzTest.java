package dev.sluice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes a bulk load's reading, {@link JsonLines} then {@link BulkLine}, against the plain rule:
 * the body decoded as UTF-8 and split at each LF gives the lines, numbered from 1, blank ones
 * skipped, one CR before the LF dropped, and the first line longer than the limit is a 400 naming
 * it. A line is a draft or a 400 naming that line; nothing else may come out, whatever the bytes.
 */
class JsonLinesFuzzTest {

  @DictionaryFile(resourcePath = "/dev/sluice/fuzz/json.dict")
  @FuzzTest(maxDuration = "15s")
  void linesAreTheBodySplitAtLineFeeds(FuzzedDataProvider data) throws IOException {
    int maxChars = data.consumeInt(1, 300);
    int maxTextChars = data.consumeInt(1, 100);
    int readSize = data.consumeInt(1, 64);
    byte[] body = data.consumeRemainingAsBytes();

    List<JsonLines.Line> lines = new ArrayList<>();
    String refusedField = null;
    try (JsonLines reader = new JsonLines(new Trickle(body, readSize), maxChars)) {
      for (JsonLines.Line line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
        draftOrRefusal(line, maxTextChars);
      }
    } catch (ProblemException refused) {
      assertThat(refused.problem().status()).isEqualTo(400);
      refusedField = refused.problem().errors().get(0).field();
    }

    Expected expected = Expected.of(new String(body, StandardCharsets.UTF_8), maxChars);
    assertThat(lines).isEqualTo(expected.lines);
    assertThat(refusedField).isEqualTo(expected.refusedField);
  }

  private static void draftOrRefusal(JsonLines.Line line, int maxTextChars) {
    try {
      TextDraft draft = BulkLine.parse(line, maxTextChars);
      assertThat(draft.title()).isNotBlank().isEqualTo(draft.title().strip());
      assertThat(draft.text()).isNotEmpty().hasSizeLessThanOrEqualTo(maxTextChars);
      assertThat(draft.text()).doesNotContain("\0").isEqualTo(draft.text().strip());
    } catch (ProblemException refused) {
      Problem problem = refused.problem();
      assertThat(problem.status()).isEqualTo(400);
      assertThat(problem.detail()).startsWith("line " + line.number() + ": ");
      assertThat(problem.errors())
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.field()).startsWith("lines[" + line.number() + "]"));
    }
  }

  /** The lines and the refusal the whole body should give. */
  private record Expected(List<JsonLines.Line> lines, String refusedField) {

    static Expected of(String text, int maxChars) {
      List<JsonLines.Line> lines = new ArrayList<>();
      String[] raw = text.split("\n", -1);
      for (int i = 0; i < raw.length; i++) {
        if (raw[i].length() > maxChars) {
          return new Expected(lines, "lines[" + (i + 1) + "]");
        }
        if (!raw[i].isBlank()) {
          String line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
          lines.add(new JsonLines.Line(i + 1, line));
        }
      }
      return new Expected(lines, null);
    }
  }

  /** A body that arrives a few bytes per read, as from a slow client. */
  private static final class Trickle extends InputStream {
    private final ByteArrayInputStream in;
    private final int readSize;

    Trickle(byte[] body, int readSize) {
      this.in = new ByteArrayInputStream(body);
      this.readSize = readSize;
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, Math.min(len, readSize));
    }
  }
}
