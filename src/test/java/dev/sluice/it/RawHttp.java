package dev.sluice.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a socket, for requests no client library would send: broken
 * headers, a repeated Host, a path with a stray {@code %}, a 200 KB header. Each request closes its
 * connection, so the answer is whatever the server wrote before it closed.
 */
final class RawHttp {

  private final String host;
  private final int port;

  RawHttp(URL base) {
    this.host = base.getHost();
    this.port = base.getPort();
  }

  /** The value of a well-formed Host header for this server. */
  String authority() {
    return host + ":" + port;
  }

  /** {@code GET target} with a proper Host and these extra header lines ("Name: value"). */
  Answer get(String target, String... headers) {
    return request("GET", target, null, headers);
  }

  /** A request with a proper Host, these header lines and, if not null, this body. */
  Answer request(String method, String target, String body, String... headers) {
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
    head.append("Host: ").append(authority()).append("\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ")
          .append(body.getBytes(StandardCharsets.UTF_8).length)
          .append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    return send(head + (body == null ? "" : body));
  }

  /** Sends exactly these characters (UTF-8) and reads the answer until the server closes. */
  Answer send(String request) {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        socket.getInputStream().transferTo(read);
      } catch (IOException closedEarly) {
        // The server may close (or reset) while a huge request is still being written.
        drain(socket, read);
      }
      return Answer.parse(read.toString(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void drain(Socket socket, ByteArrayOutputStream read) {
    try {
      InputStream in = socket.getInputStream();
      in.transferTo(read);
    } catch (IOException gone) {
      // Nothing more to read.
    }
  }

  /** A parsed answer; {@code status} is 0 when the server closed without answering. */
  record Answer(int status, Map<String, String> headers, String body) {

    static Answer parse(String raw) {
      int end = raw.indexOf("\r\n\r\n");
      if (!raw.startsWith("HTTP/") || end < 0) {
        return new Answer(0, Map.of(), raw);
      }
      String[] lines = raw.substring(0, end).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      String body = raw.substring(end + 4);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = unchunk(body);
      }
      return new Answer(
          status,
          headers,
          new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    private static String unchunk(String chunked) {
      StringBuilder body = new StringBuilder();
      int at = 0;
      while (true) {
        int lineEnd = chunked.indexOf("\r\n", at);
        int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
        if (size == 0) {
          return body.toString();
        }
        body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
    }
  }
}
