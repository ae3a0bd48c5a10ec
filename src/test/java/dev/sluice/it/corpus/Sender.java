package dev.sluice.it.corpus;

import dev.sluice.it.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Sends corpus cases: through the JDK client, and byte for byte over a socket for requests the
 * client will not make (a broken Host header, a bad request line).
 */
final class Sender {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private final URI base;
  private final Map<CorpusCase.Who, Credentials> users;

  Sender(URI base, Map<CorpusCase.Who, Credentials> users) {
    this.base = base;
    this.users = users;
  }

  Outcome send(CorpusCase c) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(c.target()))
              .timeout(Duration.ofSeconds(60))
              .method(
                  c.method(),
                  c.body() == null
                      ? BodyPublishers.noBody()
                      : BodyPublishers.ofByteArray(c.body()));
      c.headers().forEach(request::header);
      Credentials user = users.get(c.who());
      if (user != null && !c.headers().containsKey("Authorization")) {
        request.header("Authorization", user.header());
      }
      var response = CLIENT.send(request.build(), BodyHandlers.ofString());
      return new Outcome(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException | IllegalArgumentException e) {
      return Outcome.none("not answered: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code raw} as it is and reads the answer until the server closes or goes quiet. */
  Outcome sendRaw(String raw) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return RawResponse.parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      return Outcome.none("not answered: " + e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException quietOrReset) {
      // Whatever arrived before the server went quiet or reset is the answer.
    }
    return bytes.toByteArray();
  }
}
