package dev.sluice.llm.openai;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A {@code multipart/form-data} body written by hand (the JDK client has none): text fields and
 * files, separated by a random boundary that cannot plausibly occur in the audio bytes. A last file
 * too large to copy (a batch input file) can be published from its pieces ({@link #publisher}).
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
   * The finished body with a last file whose content is given in pieces, published one after the
   * other without being copied into one array; its length is known, so no chunked encoding.
   */
  public HttpRequest.BodyPublisher publisher(
      String name, String fileName, String mediaType, List<byte[]> pieces) {
    fileHead(name, fileName, mediaType);
    List<byte[]> all = new ArrayList<>(pieces.size() + 2);
    all.add(body.toByteArray());
    all.addAll(pieces);
    all.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    long length = all.stream().mapToLong(piece -> piece.length).sum();
    return HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofByteArrays(all), length);
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
