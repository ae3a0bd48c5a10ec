package dev.sluice.llm.http;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What a provider said in an error body or error event: OpenAI's {@code
 * {"error":{"message","type","code"}}} and Anthropic's {@code {"type":"error","error":{"type",
 * "message"}}}. Any field may be null when the body was not JSON or lacked it.
 */
public record ErrorBody(String message, String type, String code) {

  static final ErrorBody EMPTY = new ErrorBody(null, null, null);

  private static final List<String> CONTEXT_LENGTH_WORDING =
      List.of(
          "prompt is too long",
          "context length",
          "context_length",
          "context window",
          "maximum context",
          "input is too long",
          "too many input tokens",
          "exceeds the model's maximum");

  /** Parses an error body; text that is not a JSON error object gives its own text as message. */
  public static ErrorBody parse(byte[] body) {
    if (body == null || body.length == 0) {
      return EMPTY;
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    try {
      return of(JsonSupport.parseObject(text));
    } catch (RuntimeException notJson) {
      return new ErrorBody(text.isEmpty() ? null : text, null, null);
    }
  }

  /** Reads a parsed body, or a bare {@code error} object of a stream event. */
  public static ErrorBody of(JsonObject json) {
    JsonObject error = JsonSupport.child(json, "error");
    JsonObject source = error != null ? error : json;
    String message = JsonSupport.string(source, "message");
    String type = JsonSupport.string(source, "type");
    String code = codeOf(source);
    if (message == null && json.get("error") != null && error == null) {
      message = JsonSupport.string(json, "error");
    }
    return new ErrorBody(message, "error".equals(type) ? null : type, code);
  }

  private static String codeOf(JsonObject source) {
    String code = JsonSupport.string(source, "code");
    if (code == null && source.get("code") != null && !source.isNull("code")) {
      code = source.get("code").toString();
    }
    return code;
  }

  /** Whether the error says the prompt does not fit the model's context window. */
  public boolean isContextLength() {
    if ("context_length_exceeded".equals(code) || "context_length_exceeded".equals(type)) {
      return true;
    }
    String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
    return CONTEXT_LENGTH_WORDING.stream().anyMatch(lower::contains);
  }

  /** Whether the error is OpenAI's "out of credit" 429, a billing problem no retry fixes. */
  public boolean isQuotaExhausted() {
    return "insufficient_quota".equals(code) || "insufficient_quota".equals(type);
  }

  /** Whether the error type or code names the given value. */
  public boolean is(String value) {
    return value.equals(type) || value.equals(code);
  }
}
