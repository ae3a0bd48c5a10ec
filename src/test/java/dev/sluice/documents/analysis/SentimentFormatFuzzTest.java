package dev.sluice.documents.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link SentimentFormat#check} with whatever a model may answer: it never throws, says why
 * when it refuses, and what it accepts is exactly {label, score, reason} within the schema, which
 * the check accepts again unchanged.
 */
class SentimentFormatFuzzTest {

  private final SentimentFormat format = new SentimentFormat();

  @DictionaryFile(resourcePath = "/dev/sluice/fuzz/json.dict")
  @FuzzTest(maxDuration = "15s")
  void anAcceptedAnswerKeepsTheSchemaAndChecksAgain(byte[] raw) {
    OutputFormat.Checked checked = format.check(new String(raw, StandardCharsets.UTF_8));

    if (!checked.isValid()) {
      assertThat(checked.problem()).isNotBlank();
      assertThat(checked.output()).isNull();
      return;
    }
    JsonObject answer;
    try (var reader = Json.createReader(new StringReader(checked.output()))) {
      answer = reader.readObject();
    }
    assertThat(answer.keySet()).containsExactly("label", "score", "reason");
    String label = answer.getString("label");
    BigDecimal score = answer.getJsonNumber("score").bigDecimalValue();
    String reason = answer.getString("reason");
    assertThat(label).isIn(SentimentFormat.LABELS);
    assertThat(score.abs()).isLessThanOrEqualTo(BigDecimal.ONE);
    if (label.equals("positive")) {
      assertThat(score.signum()).isNotNegative();
    } else if (label.equals("negative")) {
      assertThat(score.signum()).isNotPositive();
    }
    assertThat(reason)
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(SentimentFormat.MAX_REASON_CHARS)
        .isEqualTo(reason.strip());
    assertThat(format.check(checked.output()).output()).isEqualTo(checked.output());
  }
}
