package dev.sluice.llm.config;

import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.platform.config.ConfigView;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads every provider from {@code sluice.providers.<name>.*}. Providers are the names listed in
 * {@code sluice.providers} plus any name that has a {@code .type} key, so one set of environment
 * variables (for example {@code SLUICE_PROVIDERS=simulated,openai,anthropic,ollama} and {@code
 * SLUICE_PROVIDERS_OLLAMA_TYPE=openai}) adds a provider without touching a file.
 */
public final class ProviderSettingsReader {

  static final String PREFIX = "sluice.providers.";

  private final ConfigView config;

  public ProviderSettingsReader(ConfigView config) {
    this.config = config;
  }

  public List<ProviderSettings> read() {
    return names().stream().map(this::read).toList();
  }

  Set<String> names() {
    Set<String> names = new LinkedHashSet<>(config.getList("sluice.providers"));
    for (String key : config.names().get()) {
      if (key.startsWith(PREFIX) && key.endsWith(".type")) {
        names.add(key.substring(PREFIX.length(), key.length() - ".type".length()));
      }
    }
    return names;
  }

  ProviderSettings read(String name) {
    String p = PREFIX + name + ".";
    ProviderType type = type(p + "type", config.get(p + "type", name));
    String defaultBase =
        switch (type) {
          case OPENAI -> "https://api.openai.com/v1";
          case ANTHROPIC -> "https://api.anthropic.com/v1";
          case SIMULATED -> "simulated:local";
        };
    return new ProviderSettings(
        name,
        type,
        baseUrl(p + "base-url", config.get(p + "base-url", defaultBase)),
        config.get(p + "api-key").orElse(null),
        config.getBoolean(p + "key-required", type != ProviderType.SIMULATED),
        config.getDuration(p + "connect-timeout", Duration.ofSeconds(10)),
        config.getDuration(p + "first-token-timeout", Duration.ofSeconds(60)),
        config.getDuration(p + "idle-timeout", Duration.ofSeconds(30)),
        config.getDuration(p + "request-timeout", Duration.ofMinutes(5)),
        headers(p + "headers."),
        config.getBoolean(p + "http2", true),
        config.getInt(p + "default-max-output-tokens", 4096));
  }

  private Map<String, String> headers(String prefix) {
    Map<String, String> headers = new TreeMap<>();
    for (String key : config.names().get()) {
      if (key.startsWith(prefix) && key.length() > prefix.length()) {
        config.get(key).ifPresent(v -> headers.put(key.substring(prefix.length()), v));
      }
    }
    return headers;
  }

  private static ProviderType type(String key, String value) {
    try {
      return ProviderType.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key + ": unknown provider type '" + value + "' (openai, anthropic or simulated)", e);
    }
  }

  private static URI baseUrl(String key, String value) {
    try {
      String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
      return URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": not a URL: " + value, e);
    }
  }
}
