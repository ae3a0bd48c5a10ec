package dev.sluice.llm.http;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it becomes an error message, a log line or a response: the
 * configured keys themselves, and anything shaped like a key, because providers echo (masked) keys
 * back in their error messages.
 */
public final class SecretRedactor {

  static final String MASK = "[redacted]";

  private static final List<Pattern> KEY_SHAPES =
      List.of(
          Pattern.compile("\\bsk-[A-Za-z0-9_*\\-]{6,}"),
          Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=*\\-]{12,}"),
          Pattern.compile(
              "(?i)((?:x-api-key|api[_-]?key)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',}]{8,}"));

  private final List<String> secrets;

  public SecretRedactor(Collection<String> secrets) {
    this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).distinct().toList();
  }

  public static SecretRedactor of(String... secrets) {
    return new SecretRedactor(Arrays.asList(secrets));
  }

  /** The text with every known secret and key-shaped string replaced by {@value #MASK}. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    for (Pattern shape : KEY_SHAPES) {
      result = shape.matcher(result).replaceAll(m -> groupOrEmpty(m) + MASK);
    }
    return result;
  }

  private static String groupOrEmpty(MatchResult match) {
    String prefix = match.groupCount() > 0 ? match.group(1) : "";
    return Matcher.quoteReplacement(prefix == null ? "" : prefix);
  }
}
