package dev.sluice.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One provider's configuration ({@code sluice.providers.<name>.*}). The API key comes from the
 * environment and is never printed: {@link #toString()} masks it.
 *
 * @param name the configured name
 * @param type the wire protocol
 * @param baseUrl for example {@code https://api.openai.com/v1}; paths are appended to it
 * @param apiKey the secret, or null when none is configured
 * @param keyRequired whether calls need a key (false for a local Ollama or vLLM)
 * @param connectTimeout TCP and TLS connection
 * @param firstTokenTimeout from sending the request to the first text delta
 * @param idleTimeout longest silence between two chunks of a stream
 * @param requestTimeout whole non-streamed calls (transcription)
 * @param extraHeaders added to every request (for example an organisation header)
 * @param http2 whether to offer HTTP/2 (ALPN over TLS); plain-HTTP bases always use HTTP/1.1
 * @param defaultMaxOutputTokens used when a request sets none and the protocol needs a value
 */
public record ProviderSettings(
    String name,
    ProviderType type,
    URI baseUrl,
    String apiKey,
    boolean keyRequired,
    Duration connectTimeout,
    Duration firstTokenTimeout,
    Duration idleTimeout,
    Duration requestTimeout,
    Map<String, String> extraHeaders,
    boolean http2,
    int defaultMaxOutputTokens) {

  public ProviderSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(firstTokenTimeout, "firstTokenTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
    if (apiKey != null && apiKey.isBlank()) {
      apiKey = null;
    }
  }

  /** Settings with sensible timeouts, for tests and the simulated provider. */
  public static ProviderSettings defaults(String name, ProviderType type, URI baseUrl, String key) {
    return new ProviderSettings(
        name,
        type,
        baseUrl,
        key,
        type != ProviderType.SIMULATED,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        Map.of(),
        true,
        4096);
  }

  public boolean hasKey() {
    return apiKey != null;
  }

  /** Whether calls can go out: a key is configured, or none is needed. */
  public boolean usable() {
    return hasKey() || !keyRequired;
  }

  public ProviderSettings withTimeouts(Duration connect, Duration firstToken, Duration idle) {
    return new ProviderSettings(
        name,
        type,
        baseUrl,
        apiKey,
        keyRequired,
        connect,
        firstToken,
        idle,
        requestTimeout,
        extraHeaders,
        http2,
        defaultMaxOutputTokens);
  }

  @Override
  public String toString() {
    return "ProviderSettings[name="
        + name
        + ", type="
        + type
        + ", baseUrl="
        + baseUrl
        + ", apiKey="
        + (hasKey() ? "(set)" : "(none)")
        + ", keyRequired="
        + keyRequired
        + ", connectTimeout="
        + connectTimeout
        + ", firstTokenTimeout="
        + firstTokenTimeout
        + ", idleTimeout="
        + idleTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", extraHeaders="
        + extraHeaders.keySet()
        + ", http2="
        + http2
        + "]";
  }
}
