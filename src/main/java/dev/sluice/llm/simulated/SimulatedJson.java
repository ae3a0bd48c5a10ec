package dev.sluice.llm.simulated;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.Role;
import dev.sluice.llm.http.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the simulated model answers when a request asks for JSON output: an object shaped by what
 * the system prompt asks for, so callers that validate structured output can run offline. A prompt
 * that mentions sentiment gets {@code {"label","score","reason"}}; one that mentions points gets
 * {@code {"points":[...]}}; any other gets {@code {"answer": text}}. The values derive from the
 * prompt, so the same prompt always gets the same object. {@code [sim:invalid-json]} cuts the
 * object in half, as a model that ran out of tokens would.
 */
final class SimulatedJson {

  private static final String[] LABELS = {"positive", "neutral", "negative", "mixed"};

  private SimulatedJson() {}

  static String answer(SimulatedText text, ChatRequest request, String prompt, boolean invalid) {
    String instructions = systemText(request);
    JsonObject object;
    if (instructions.contains("sentiment")) {
      object = sentiment(text, prompt);
    } else if (instructions.contains("points")) {
      object = points(text, prompt);
    } else {
      object = JsonSupport.object().add("answer", text.phrase(prompt, "answer", 24)).build();
    }
    String json = JsonSupport.write(object);
    return invalid ? json.substring(0, json.length() / 2) : json;
  }

  private static JsonObject sentiment(SimulatedText text, String prompt) {
    int pick = (int) (text.fraction(prompt, "label") * LABELS.length);
    String label = LABELS[pick];
    double u = text.fraction(prompt, "score");
    double score =
        switch (label) {
          case "positive" -> 0.2 + 0.7 * u;
          case "negative" -> -0.2 - 0.7 * u;
          case "neutral" -> -0.1 + 0.2 * u;
          default -> -0.3 + 0.6 * u;
        };
    return JsonSupport.object()
        .add("label", label)
        .add("score", BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP))
        .add("reason", "Simulated reason: the text reads as " + label + " overall.")
        .build();
  }

  private static JsonObject points(SimulatedText text, String prompt) {
    int count = 3 + (int) (text.fraction(prompt, "count") * 3);
    JsonArrayBuilder points = JsonSupport.array();
    for (int i = 0; i < count; i++) {
      points.add(text.phrase(prompt, "point-" + i, 10));
    }
    return JsonSupport.object().add("points", points).build();
  }

  private static String systemText(ChatRequest request) {
    return request.messages().stream()
        .filter(m -> m.role() == Role.SYSTEM)
        .map(ChatMessage::text)
        .collect(Collectors.joining("\n"))
        .toLowerCase(Locale.ROOT);
  }
}
