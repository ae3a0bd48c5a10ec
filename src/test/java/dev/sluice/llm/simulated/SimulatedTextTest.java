package dev.sluice.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.TokenCounter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedTextTest {

  private final SimulatedText text = new SimulatedText(42);

  @Test
  void sameSeedAndPromptGiveTheSameAnswer() {
    assertThat(new SimulatedText(42).answer("Tell me about rivers", 30))
        .isEqualTo(text.answer("Tell me about rivers", 30));
  }

  @Test
  void anotherPromptOrSeedGivesAnotherAnswer() {
    List<String> answer = text.answer("Tell me about rivers", 40);
    assertThat(text.answer("Tell me about bridges", 40)).isNotEqualTo(answer);
    assertThat(new SimulatedText(7).answer("Tell me about rivers", 40)).isNotEqualTo(answer);
  }

  @Test
  void answerEchoesThePromptAndHasExactlyTheAskedPieces() {
    List<String> pieces = text.answer("Explain rate limits to a new engineer please", 60);
    String joined = String.join("", pieces);
    assertThat(pieces).hasSize(60).allSatisfy(p -> assertThat(p).isNotEmpty());
    assertThat(joined).startsWith("Simulated answer about \"Explain rate limits to a new...\":");
  }

  @Test
  void plainAnswerIsOnlySentences() {
    List<String> pieces = text.plainAnswer("Explain rate limits to a new engineer please", 60);
    String joined = String.join("", pieces);
    assertThat(pieces).hasSize(60).allSatisfy(p -> assertThat(p).isNotEmpty());
    assertThat(joined).startsWith("Simulated answer about \"Explain rate limits to a new...\":");
    assertThat(joined).matches("[A-Za-z .:\"']+");
  }

  @Test
  void piecesAreTokens() {
    List<String> pieces = text.answer("hello", 25);
    String joined = String.join("", pieces);
    assertThat(TokenCounter.instance().split(joined.substring(0, joined.length() - 1)))
        .hasSizeBetween(24, 26);
  }

  @Test
  void describesAnImageWithItsTypeAndSize() {
    byte[] png = new byte[1234];
    png[0] = 7;
    String description = text.describeImage("image/png", png);
    assertThat(description).contains("image/png").contains("1234 bytes");
    assertThat(text.describeImage("image/png", png)).isEqualTo(description);
    assertThat(text.describeImage("image/png", new byte[1234])).isNotEqualTo(description);
    String base64 = Base64.getEncoder().encodeToString(png);
    assertThat(String.join("", text.describeImage("image/png", base64, 20))).contains("1234 bytes");
  }

  @Test
  void transcriptionDependsOnTheAudioBytes() {
    byte[] audio = "some audio bytes".getBytes(StandardCharsets.UTF_8);
    String transcript = text.transcribe(audio, "memo.mp3");
    assertThat(transcript).startsWith("Simulated transcript of 16 bytes").endsWith(".");
    assertThat(text.transcribe(audio.clone(), "other.wav")).isEqualTo(transcript);
    assertThat(text.transcribe("other audio bytes".getBytes(StandardCharsets.UTF_8), "memo.mp3"))
        .isNotEqualTo(transcript);
  }
}
