package dev.sluice.llm.openai;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A {@code multipart/form-data} body written by hand (the JDK client has none): text fields and
 * files, separated by a random boundary that cannot plausibly occur in the audio bytes. A last file
 * too large to copy (a batch input file) can be read from disk as it is sent ({@link #publisher}).
 */
public final class MultipartForm {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String boundary;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  public MultipartForm() {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    this.boundary = "sluice-" + HexFormat.of().formatHex(random);
  }

  public MultipartForm field(String name, String value) {
    head("Content-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n\r\n");
    write(value);
    write("\r\n");
    return this;
  }

  MultipartForm file(String name, String fileName, String mediaType, byte[] content) {
    fileHead(name, fileName, mediaType);
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  /**
   * The finished body with a last file read from disk as it is sent (a batch input file, too large
   * to copy into memory); its length is known, so no chunked encoding.
   */
  public HttpRequest.BodyPublisher publisher(
      String name, String fileName, String mediaType, Path content) throws FileNotFoundException {
    fileHead(name, fileName, mediaType);
    return HttpRequest.BodyPublishers.concat(
        HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
        HttpRequest.BodyPublishers.ofFile(content),
        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  String boundary() {
    return boundary;
  }

  /** The finished body, closing delimiter included. */
  byte[] toByteArray() {
    ByteArrayOutputStream done = new ByteArrayOutputStream(body.size() + boundary.length() + 8);
    done.writeBytes(body.toByteArray());
    done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return done.toByteArray();
  }

  private void fileHead(String name, String fileName, String mediaType) {
    head(
        "Content-Disposition: form-data; name=\""
            + quoted(name)
            + "\"; filename=\""
            + quoted(fileName)
            + "\"\r\nContent-Type: "
            + mediaType
            + "\r\n\r\n");
  }

  private void head(String disposition) {
    write("--" + boundary + "\r\n" + disposition);
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Quotes and line breaks in a name would end the header early. */
  private static String quoted(String value) {
    return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }
}
