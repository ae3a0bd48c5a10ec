package dev.sluice.documents.analysis;

import dev.sluice.llm.http.JsonSupport;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Sentiment: the output is the JSON object {@code {"label", "score", "reason"}}, label one of
 * positive, neutral, negative, mixed, score from -1 to 1 agreeing with the label's sign, reason a
 * non-empty sentence.
 */
final class SentimentFormat implements OutputFormat {

  static final List<String> LABELS = List.of("positive", "neutral", "negative", "mixed");
  static final int MAX_REASON_CHARS = 1000;

  @Override
  public String shape() {
    return "JSON object {\"label\": \"positive|neutral|negative|mixed\", \"score\": -1..1,"
        + " \"reason\": \"one sentence\"}";
  }

  @Override
  public Checked check(String raw) {
    JsonAnswers.Found found = JsonAnswers.find(raw);
    if (found.value() == null) {
      return Checked.invalid(found.problem());
    }
    if (!(found.value() instanceof JsonObject object)) {
      return Checked.invalid("the answer is JSON but not an object");
    }
    String label = text(object, "label").toLowerCase(Locale.ROOT);
    if (!LABELS.contains(label)) {
      return Checked.invalid("\"label\" must be one of " + String.join(", ", LABELS));
    }
    if (!(object.get("score") instanceof JsonNumber number)) {
      return Checked.invalid("\"score\" must be a number from -1 to 1");
    }
    return checked(label, number.bigDecimalValue(), text(object, "reason"));
  }

  private static Checked checked(String label, BigDecimal score, String reason) {
    if (score.abs().compareTo(BigDecimal.ONE) > 0) {
      return Checked.invalid("\"score\" must be from -1 to 1, was " + score);
    }
    if (("positive".equals(label) && score.signum() < 0)
        || ("negative".equals(label) && score.signum() > 0)) {
      return Checked.invalid("\"score\" " + score + " contradicts the label " + label);
    }
    if (reason.isEmpty() || reason.length() > MAX_REASON_CHARS) {
      return Checked.invalid("\"reason\" must be one sentence");
    }
    return Checked.valid(
        JsonSupport.write(
            JsonSupport.object()
                .add("label", label)
                .add("score", score)
                .add("reason", reason)
                .build()));
  }

  private static String text(JsonObject object, String key) {
    return object.get(key) instanceof JsonString s ? s.getString().strip() : "";
  }
}
