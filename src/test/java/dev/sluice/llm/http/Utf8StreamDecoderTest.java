package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8StreamDecoderTest {

  private static final String TEXT = "é 日本 🎉 naïve ∑";

  @Test
  void multiByteCharactersSplitAtEveryByteComeOutWhole() {
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
    for (int cut = 0; cut <= bytes.length; cut++) {
      Utf8StreamDecoder decoder = new Utf8StreamDecoder();
      String first = decoder.decode(ByteBuffer.wrap(Arrays.copyOfRange(bytes, 0, cut)));
      String second = decoder.decode(ByteBuffer.wrap(Arrays.copyOfRange(bytes, cut, bytes.length)));
      assertThat(first).doesNotContain("\uFFFD");
      assertThat(first + second + decoder.finish()).isEqualTo(TEXT);
    }
  }

  @Test
  void oneByteAtATime() {
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
    Utf8StreamDecoder decoder = new Utf8StreamDecoder();
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(decoder.decode(ByteBuffer.wrap(new byte[] {b})));
    }
    assertThat(out.append(decoder.finish()).toString()).isEqualTo(TEXT);
  }

  @Test
  void anIncompleteCharacterAtTheEndBecomesAReplacement() {
    byte[] emoji = "🎉".getBytes(StandardCharsets.UTF_8);
    Utf8StreamDecoder decoder = new Utf8StreamDecoder();
    assertThat(decoder.decode(ByteBuffer.wrap(Arrays.copyOf(emoji, 2)))).isEmpty();
    assertThat(decoder.finish()).isEqualTo("\uFFFD");
  }

  @Test
  void invalidBytesBecomeReplacementsWithoutStoppingTheStream() {
    Utf8StreamDecoder decoder = new Utf8StreamDecoder();
    String out = decoder.decode(ByteBuffer.wrap(new byte[] {'a', (byte) 0xFF, 'b'}));
    assertThat(out).isEqualTo("a\uFFFDb");
  }
}
