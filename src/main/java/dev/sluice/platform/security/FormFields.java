package dev.sluice.platform.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A sign-in form's body ({@code application/x-www-form-urlencoded}, UTF-8), decoded strictly: a
 * stray or bad {@code %} escape makes the whole body malformed. Read by Sluice rather than through
 * {@code getParameter}, which refuses such a body on Liberty but lets it through on WildFly
 * (Undertow), so the same form gets the same answer on both. The first of repeated fields counts.
 */
final class FormFields {

  private FormFields() {}

  /** The fields, or empty when the body cannot be decoded. */
  static Optional<Map<String, String>> parse(String body) {
    Map<String, String> fields = new HashMap<>();
    if (body.isEmpty()) {
      return Optional.of(fields);
    }
    for (String pair : body.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        fields.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException malformed) {
        return Optional.empty();
      }
    }
    return Optional.of(fields);
  }
}
