package dev.sluice.documents.analysis;

import dev.sluice.llm.http.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key points: the output is a JSON array of strings. Accepts what models actually send, the asked
 * for {@code {"points": [...]}}, a bare array, or a bulleted or numbered list, and normalises it.
 */
final class KeyPointsFormat implements OutputFormat {

  static final int MAX_POINTS = 50;
  private static final Pattern BULLET =
      Pattern.compile("^\\s*(?:[-*+\\u2022]|\\d{1,3}[.)])\\s+(.*)$");

  @Override
  public String shape() {
    return "JSON object {\"points\": [\"...\", \"...\"]}";
  }

  @Override
  public Checked check(String raw) {
    String text = JsonAnswers.unfenced(raw).strip();
    if (text.isEmpty()) {
      return Checked.invalid("the answer was empty");
    }
    List<String> bullets = bullets(text);
    if (!bullets.isEmpty() && !JsonAnswers.mentionsJson(text)) {
      return validate(bullets);
    }
    JsonAnswers.Found found = JsonAnswers.find(text);
    if (found.value() == null) {
      return bullets.isEmpty() ? Checked.invalid(found.problem()) : validate(bullets);
    }
    JsonArray array = pointsOf(found.value());
    if (array == null) {
      return Checked.invalid("the JSON has no \"points\" array");
    }
    List<String> points = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString s)) {
        return Checked.invalid("point " + (i + 1) + " is not a string");
      }
      points.add(s.getString());
    }
    return validate(points);
  }

  private static JsonArray pointsOf(JsonValue value) {
    if (value instanceof JsonArray array) {
      return array;
    }
    if (value instanceof JsonObject object) {
      if (object.get("points") instanceof JsonArray points) {
        return points;
      }
      List<JsonArray> arrays =
          object.values().stream()
              .filter(JsonArray.class::isInstance)
              .map(JsonArray.class::cast)
              .toList();
      return arrays.size() == 1 ? arrays.get(0) : null;
    }
    return null;
  }

  /** Bulleted or numbered lines; an indented line continues the point above it. */
  static List<String> bullets(String text) {
    List<String> points = new ArrayList<>();
    for (String line : text.split("\\R")) {
      Matcher m = BULLET.matcher(line);
      if (m.matches()) {
        points.add(m.group(1).strip());
      } else if (!points.isEmpty() && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
        int last = points.size() - 1;
        points.set(last, points.get(last) + " " + line.strip());
      }
    }
    return points;
  }

  private static Checked validate(List<String> points) {
    if (points.isEmpty()) {
      return Checked.invalid("there were no points");
    }
    if (points.size() > MAX_POINTS) {
      return Checked.invalid("there were " + points.size() + " points, at most " + MAX_POINTS);
    }
    JsonArrayBuilder out = JsonSupport.array();
    for (int i = 0; i < points.size(); i++) {
      String point = points.get(i).strip();
      if (point.isEmpty()) {
        return Checked.invalid("point " + (i + 1) + " is empty");
      }
      out.add(point);
    }
    return Checked.valid(out.build().toString());
  }
}
