package dev.sluice.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class UnreadableBodyTest {

  /** Stands in for Liberty's JSON-B message body reader, which throws JsonbException as is. */
  private static JsonbException readFrom(String message, Throwable cause) {
    return new JsonbException(message, cause);
  }

  /** Stands in for RESTEasy's JSON-B reader, which wraps the failure. */
  private static ProcessingException readFrom(Throwable cause) {
    return new ProcessingException("deserialization error", cause);
  }

  @Test
  void libertysJsonbErrorWhileReadingTheBodyIsTheCallersFault() {
    JsonbException e =
        readFrom("Invalid token=EOF", new JsonParsingException("Invalid token=EOF", null));

    assertThat(UnreadableBody.isUnreadableJson(e)).isTrue();
  }

  @Test
  void resteasysWrappedJsonErrorWhileReadingIsTooSo() {
    assertThat(UnreadableBody.isUnreadableJson(readFrom(new JsonbException("bad")))).isTrue();
  }

  @Test
  void aJsonErrorWhileWritingIsAServerFault() {
    assertThat(UnreadableBody.isUnreadableJson(new JsonbException("cannot serialize"))).isFalse();
  }

  @Test
  void anotherFailureWhileReadingIsAServerFault() {
    assertThat(UnreadableBody.isUnreadableJson(readFrom(new IllegalStateException()))).isFalse();
  }

  @Test
  void anIOExceptionOfABodyReaderIsAMalformedBody() {
    IOException noBoundary = readFrom("Unable to get boundary for multipart");

    assertThat(UnreadableBody.isMalformedBody(noBoundary)).isTrue();
    assertThat(UnreadableBody.isMalformedBody(new IOException("disk full"))).isFalse();
  }

  /** Stands in for RESTEasy's multipart reader, which throws an IOException from readFrom. */
  private static IOException readFrom(String message) {
    return new IOException(message);
  }
}
