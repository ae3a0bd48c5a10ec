package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Priority;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptHistoryTest {

  private final Clock clock = Clock.systemUTC();
  private final Chat chat = Chat.start("demo", new ChatDraft("t", "sim-large", null), clock);
  private final List<ChatMessage> messages = new ArrayList<>();

  @Test
  void aPlainConversationIsKeptWhole() {
    question("q1");
    answer("a1");
    question("q2");
    answer("a2");

    assertThat(contents()).containsExactly("q1", "a1", "q2", "a2");
  }

  @Test
  void aRegeneratedAnswerReplacesTheOldOneForLaterPrompts() {
    question("q1");
    answer("a1");
    question("q2");
    answer("a2 first");
    answer("a2 second").replace(4);
    answer("a2 third").replace(5);
    question("q3");

    assertThat(contents()).containsExactly("q1", "a1", "q2", "a2 third", "q3");
  }

  @Test
  void anEditedQuestionLeavesOutTheOldQuestionAndEveryAnswerItGot() {
    question("q1");
    answer("a1");
    question("q2 with a typo");
    answer("a2");
    answer("a2 again").replace(4);
    question("q2 fixed").replace(3);
    answer("a2 to the fix");

    assertThat(contents()).containsExactly("q1", "a1", "q2 fixed", "a2 to the fix");
  }

  @Test
  void anEditOfAnEditKeepsOnlyTheLatestVersion() {
    question("v1");
    answer("a to v1");
    question("v2").replace(1);
    answer("a to v2");
    question("v3").replace(3);
    answer("a to v3");

    assertThat(contents()).containsExactly("v3", "a to v3");
  }

  private List<String> contents() {
    return PromptHistory.current(messages).stream().map(ChatMessage::content).toList();
  }

  private ChatMessage question(String text) {
    return add(MessageRole.USER, text);
  }

  private ChatMessage answer(String text) {
    return add(MessageRole.ASSISTANT, text);
  }

  private ChatMessage add(MessageRole role, String text) {
    ChatMessage message =
        ChatMessage.of(
            chat, messages.size() + 1, role, text, MessageStatus.COMPLETED, Priority.HIGH, clock);
    messages.add(message);
    return message;
  }
}
