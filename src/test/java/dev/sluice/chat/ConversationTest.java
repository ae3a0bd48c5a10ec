package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.Role;
import dev.sluice.llm.TokenCounter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

  private final TokenCounter counter = TokenCounter.instance();

  private final List<ChatMessage> history =
      List.of(
          ChatMessage.user("first question " + "word ".repeat(50)),
          ChatMessage.assistant("first answer " + "word ".repeat(50)),
          ChatMessage.user("second question"),
          ChatMessage.assistant("second answer"),
          ChatMessage.user("third question"));

  @Test
  void theBoundWithoutTokenizingNeverChangesTheResult() {
    for (int budget = 1; budget <= Conversation.mostTokens("Be brief.", history) + 10; budget++) {
      assertThat(Conversation.fit("Be brief.", history, budget, counter))
          .as("budget %d", budget)
          .isEqualTo(Conversation.fitCounted("Be brief.", history, budget, counter));
    }
    assertThat(Conversation.mostTokens("Be brief.", history))
        .isGreaterThanOrEqualTo(
            Conversation.PRIMING
                + cost("Be brief.")
                + history.stream().mapToInt(m -> cost(m.text())).sum());
  }

  @Test
  void everythingFitsInALargeWindow() {
    List<ChatMessage> prompt = Conversation.fit("Be brief.", history, 10_000, counter);

    assertThat(prompt).hasSize(6);
    assertThat(prompt.get(0).role()).isEqualTo(Role.SYSTEM);
    assertThat(prompt.subList(1, 6)).isEqualTo(history);
  }

  @Test
  void theOldestMessagesAreDroppedFirst() {
    int recent = cost("second question") + cost("second answer") + cost("third question");
    int budget = Conversation.PRIMING + cost("Be brief.") + recent;

    List<ChatMessage> prompt = Conversation.fit("Be brief.", history, budget, counter);

    assertThat(prompt)
        .extracting(ChatMessage::text)
        .containsExactly("Be brief.", "second question", "second answer", "third question");
  }

  @Test
  void theQuestionIsKeptEvenWhenNothingElseFits() {
    List<ChatMessage> prompt = Conversation.fit(null, history, 1, counter);

    assertThat(prompt).extracting(ChatMessage::text).containsExactly("third question");
  }

  @Test
  void theBudgetLeavesRoomForTheAnswer() {
    assertThat(Conversation.budget(128_000, 16_000)).isEqualTo(112_000);
    assertThat(Conversation.budget(1_000, 4_000)).isEqualTo(1);
  }

  private int cost(String text) {
    return Conversation.PER_MESSAGE + counter.count(text);
  }
}
