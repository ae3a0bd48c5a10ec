package dev.sluice.llm.http;

import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * Builds the one {@link HttpClient} a provider uses for all its calls: the runtime's executor, the
 * configured connect timeout, no redirects (a redirected POST would resend the prompt, and the key,
 * elsewhere), and HTTP/2 only over TLS.
 */
public final class HttpClients {

  private HttpClients() {}

  public static HttpClient forProvider(ProviderSettings settings, ProviderRuntime runtime) {
    return HttpClient.newBuilder()
        .executor(runtime.executor())
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(versionFor(settings))
        .build();
  }

  /**
   * HTTP/2 when configured and the base URL is https (ALPN falls back to 1.1); plain http stays on
   * 1.1 because the h2c upgrade costs a round trip and some local servers mishandle it.
   */
  static HttpClient.Version versionFor(ProviderSettings settings) {
    // No base URL means the adapter's public default, which is https.
    boolean tls =
        settings.baseUrl() == null || "https".equalsIgnoreCase(settings.baseUrl().getScheme());
    return settings.http2() && tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
  }

  /** The base URL with a path appended, for example {@code /chat/completions}. */
  public static URI endpoint(URI baseUrl, String path) {
    String base = baseUrl.toString();
    return URI.create(
        base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
  }

  /**
   * A request to {@code uri} with the key as the protocol sends it ({@code keyPrefix} and the key
   * in {@code keyHeader}), only when one is set (keyless local servers), and the extra headers.
   */
  public static HttpRequest.Builder authorized(
      URI uri, ProviderSettings settings, String keyHeader, String keyPrefix) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
    if (settings.hasKey()) {
      builder.header(keyHeader, keyPrefix + settings.apiKey());
    }
    settings.extraHeaders().forEach(builder::header);
    return builder;
  }
}
