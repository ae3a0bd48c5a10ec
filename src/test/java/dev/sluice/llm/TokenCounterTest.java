package dev.sluice.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCounterTest {

  private final TokenCounter tokens = TokenCounter.instance();

  @Test
  void countsWithTheRealTokenizer() {
    assertThat(tokens.count("")).isZero();
    assertThat(tokens.count("hello")).isEqualTo(1);
    assertThat(tokens.count("The quick brown fox jumps over the lazy dog.")).isEqualTo(10);
  }

  @Test
  void aTextCountedBeforeCountsTheSameByItsContent() {
    String text = "Answers are counted again with every later question of their chat.";
    int first = tokens.count(text);

    assertThat(tokens.count(new String(text.toCharArray()))).isEqualTo(first).isEqualTo(12);
  }

  @Test
  void keptCountsStayWithinTheirCharactersAndCountsStayRight() {
    TokenCounter small = new TokenCounter(1_000);
    for (int i = 0; i < 200; i++) {
      String text = "message number " + i + " of a long conversation";
      assertThat(small.count(text)).isEqualTo(tokens.count(text));
    }

    assertThat(small.cachedChars()).isPositive().isLessThanOrEqualTo(1_000);
  }

  @Test
  void splitPiecesJoinBackToTheTextEvenAcrossMultiByteCharacters() {
    String text = "Grüße aus 日本 🚀 — naïve café";
    List<String> pieces = tokens.split(text);

    assertThat(String.join("", pieces)).isEqualTo(text);
    assertThat(pieces).noneMatch(p -> p.contains("\uFFFD"));
    assertThat(pieces.size()).isGreaterThan(5);
  }

  @Test
  void aPromptCostsItsTextPlusFormatOverheadAndImages() {
    ChatRequest request =
        ChatRequest.of(
            "m",
            List.of(
                ChatMessage.system("Be brief."),
                new ChatMessage(
                    Role.USER,
                    List.of(
                        new ContentPart.Text("hello"),
                        new ContentPart.Image("image/png", "AAAA")))));

    int expected =
        TokenCounter.REPLY_PRIMING
            + 2 * TokenCounter.PER_MESSAGE_OVERHEAD
            + tokens.count("Be brief.")
            + tokens.count("hello")
            + TokenCounter.PER_IMAGE_ESTIMATE;
    assertThat(tokens.countPrompt(request)).isEqualTo(expected);
  }
}
