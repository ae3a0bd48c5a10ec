package dev.sluice.documents.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link KeyPointsFormat#check} with whatever a model may answer: it never throws, says why
 * when it refuses, and what it accepts is a JSON array of 1 to 50 trimmed, non-empty strings that
 * the check accepts again unchanged.
 */
class KeyPointsFormatFuzzTest {

  private final KeyPointsFormat format = new KeyPointsFormat();

  @DictionaryFile(resourcePath = "/dev/sluice/fuzz/json.dict")
  @FuzzTest(maxDuration = "15s")
  void anAcceptedAnswerIsAListOfPointsThatChecksAgain(byte[] answer) {
    OutputFormat.Checked checked = format.check(new String(answer, StandardCharsets.UTF_8));

    if (!checked.isValid()) {
      assertThat(checked.problem()).isNotBlank();
      assertThat(checked.output()).isNull();
      return;
    }
    JsonArray points;
    try (var reader = Json.createReader(new StringReader(checked.output()))) {
      points = reader.readArray();
    }
    assertThat(points).hasSizeBetween(1, KeyPointsFormat.MAX_POINTS);
    for (JsonValue point : points) {
      assertThat(point).isInstanceOf(JsonString.class);
      String text = ((JsonString) point).getString();
      assertThat(text).isNotEmpty().isEqualTo(text.strip());
    }
    assertThat(format.check(checked.output()).output()).isEqualTo(checked.output());
  }
}
