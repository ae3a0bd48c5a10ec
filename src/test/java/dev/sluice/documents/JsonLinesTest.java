package dev.sluice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.platform.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

  @Test
  void linesAreNumberedAsAnEditorShowsThemSkippingBlankOnes() throws IOException {
    List<JsonLines.Line> lines = read("{\"a\":1}\r\n\n   \n{\"b\":2}\n{\"c\":3}", 100);

    assertThat(lines)
        .containsExactly(
            new JsonLines.Line(1, "{\"a\":1}"),
            new JsonLines.Line(4, "{\"b\":2}"),
            new JsonLines.Line(5, "{\"c\":3}"));
  }

  @Test
  void anEmptyBodyHasNoLines() throws IOException {
    assertThat(read("", 100)).isEmpty();
    assertThat(read("\n\n", 100)).isEmpty();
  }

  @Test
  void lineLongerThanTheLimitIsABadRequestNamingIt() {
    String body = "{\"a\":1}\n" + "x".repeat(20_000) + "\n";

    ProblemException refused = catchThrowableOfType(ProblemException.class, () -> read(body, 50));

    assertThat(refused.problem().status()).isEqualTo(400);
    assertThat(refused.problem().errors()).extracting(e -> e.field()).containsExactly("lines[2]");
  }

  @Test
  void charactersAcrossBufferBoundariesStayWhole() throws IOException {
    String longLine = "ü".repeat(10_000);

    assertThat(read(longLine + "\nend", 20_000))
        .extracting(JsonLines.Line::text)
        .containsExactly(longLine, "end");
  }

  private static List<JsonLines.Line> read(String body, int maxChars) throws IOException {
    List<JsonLines.Line> lines = new ArrayList<>();
    try (JsonLines reader =
        new JsonLines(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), maxChars)) {
      for (JsonLines.Line line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
