package dev.sluice.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} request body built by hand, as a browser or curl sends one. */
final class MultipartBody {

  private final String boundary = "sluice-it-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  MultipartBody file(String name, String fileName, String type, byte[] bytes) {
    text("--" + boundary + "\r\n");
    text(
        "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n");
    if (type != null) {
      text("Content-Type: " + type + "\r\n");
    }
    text("\r\n");
    out.writeBytes(bytes);
    text("\r\n");
    return this;
  }

  MultipartBody field(String name, String value) {
    text("--" + boundary + "\r\n");
    text("Content-Disposition: form-data; name=\"" + name + "\"\r\n");
    text("Content-Type: text/plain; charset=UTF-8\r\n\r\n");
    text(value + "\r\n");
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    whole.writeBytes(out.toByteArray());
    whole.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return whole.toByteArray();
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  private void text(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
