package dev.sluice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.platform.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class SizeLimitedStreamTest {

  @Test
  void aBodyUpToTheLimitReadsWhole() throws IOException {
    try (InputStream in = new SizeLimitedStream(new ByteArrayInputStream(new byte[100]), 100)) {
      assertThat(in.readAllBytes()).hasSize(100);
    }
  }

  @Test
  void theReadPastTheLimitFailsWithA413() {
    InputStream in = new SizeLimitedStream(new ByteArrayInputStream(new byte[10_000]), 100);

    ProblemException refused = catchThrowableOfType(ProblemException.class, in::readAllBytes);

    assertThat(refused.problem().status()).isEqualTo(413);
    assertThat(refused.problem().detail()).contains("100 bytes");
  }

  @Test
  void singleByteReadsCountToo() throws IOException {
    InputStream in = new SizeLimitedStream(new ByteArrayInputStream(new byte[3]), 2);
    in.read();
    in.read();

    assertThat(catchThrowableOfType(ProblemException.class, in::read)).isNotNull();
  }
}
