package dev.sluice.it;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small black-box HTTP client for integration tests. */
public final class Http {

  /**
   * HTTP/1.1, as browsers speak to a server without TLS: the JDK client would otherwise offer a
   * plain-text HTTP/2 upgrade (h2c), which Undertow (WildFly) takes and no browser makes.
   */
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private final URI base;
  private final Credentials credentials;

  public Http(URL base) {
    this(URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"), null);
  }

  private Http(URI base, Credentials credentials) {
    this.base = base;
    this.credentials = credentials;
  }

  /** The same client, signing every request in with HTTP Basic as {@code user}. */
  public Http as(Credentials user) {
    return new Http(base, user);
  }

  public HttpResponse<String> post(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** POSTs {@code json} as {@code application/json}. */
  public HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).GET());
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    if (credentials != null) {
      request.setHeader("Authorization", credentials.header());
    }
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI resolve(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  /** The server root (health, metrics and OpenAPI live there, outside the application). */
  public Http root() {
    try {
      return new Http(base.resolve("/").toURL());
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonStructure json(HttpResponse<String> response) {
    return json(response.body());
  }

  public static JsonStructure json(String text) {
    return Json.createReader(new StringReader(text)).read();
  }
}
