package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Priority;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeldPlansTest {

  private final Clock clock = Clock.systemUTC();
  private final Chat chat = Chat.start("demo", new ChatDraft("t", "sim-large", "Be brief."), clock);
  private final AtomicLong now = new AtomicLong(1_000);
  private final List<ChatMessage> messages = new ArrayList<>();

  @Test
  void aPlanHeldAtTheQuestionIsTheOneTheDatabaseWouldGiveAndIsTakenOnce() {
    HeldPlans plans = new HeldPlans(now::get, 1_000_000);
    add(MessageRole.USER, "q1", MessageStatus.COMPLETED);
    add(MessageRole.ASSISTANT, "a1", MessageStatus.COMPLETED);
    add(MessageRole.ASSISTANT, "", MessageStatus.FAILED);
    add(MessageRole.USER, "q2", MessageStatus.COMPLETED);
    ChatMessage answer = add(MessageRole.ASSISTANT, "", MessageStatus.QUEUED);

    plans.hold(chat, messages);

    JobPlan held = plans.take(answer.id()).orElseThrow();
    assertThat(held).isEqualTo(JobPlan.of(chat.owner(), chat.id(), chat.systemPrompt(), messages));
    assertThat(held.history()).extracting(m -> m.text()).containsExactly("q1", "a1", "q2");
    assertThat(held.systemPrompt()).isEqualTo("Be brief.");
    assertThat(held.owner()).isEqualTo("demo");
    assertThat(plans.take(answer.id())).as("taken once; a second delivery reads").isEmpty();
  }

  @Test
  void noPlanIsHeldWhileAnEarlierAnswerIsStillBeingWritten() {
    HeldPlans plans = new HeldPlans(now::get, 1_000_000);
    add(MessageRole.USER, "q1", MessageStatus.COMPLETED);
    add(MessageRole.ASSISTANT, "half an ans", MessageStatus.STREAMING);
    add(MessageRole.USER, "q2", MessageStatus.COMPLETED);
    ChatMessage answer = add(MessageRole.ASSISTANT, "", MessageStatus.QUEUED);

    plans.hold(chat, messages);

    assertThat(plans.take(answer.id())).isEmpty();
    assertThat(plans.size()).isZero();
  }

  @Test
  void aPlanTooOldIsNotTakenAndASweepDropsThePlansNobodyTook() {
    HeldPlans plans = new HeldPlans(now::get, 1_000_000);
    ChatMessage first = askInNewChat("q1");
    plans.hold(chat, messages);
    ChatMessage second = askInNewChat("q2");
    plans.hold(chat, messages);

    now.addAndGet(HeldPlans.KEPT.toNanos());
    assertThat(plans.take(first.id())).isEmpty();

    askInNewChat("q3");
    plans.hold(chat, messages);
    assertThat(plans.size()).as("the third only; the second was swept").isEqualTo(1);
    assertThat(plans.take(second.id())).isEmpty();
  }

  @Test
  void plansBeyondTheCharacterBudgetAreNotHeld() {
    HeldPlans plans = new HeldPlans(now::get, 40);
    ChatMessage first = askInNewChat("x".repeat(20));
    plans.hold(chat, messages);
    ChatMessage second = askInNewChat("y".repeat(20));
    plans.hold(chat, messages);

    assertThat(plans.take(second.id())).as("over the budget: read at delivery").isEmpty();
    assertThat(plans.take(first.id())).isPresent();
    ChatMessage third = askInNewChat("z".repeat(20));
    plans.hold(chat, messages);
    assertThat(plans.take(third.id())).as("room again once the first was taken").isPresent();
  }

  private ChatMessage askInNewChat(String question) {
    messages.clear();
    add(MessageRole.USER, question, MessageStatus.COMPLETED);
    return add(MessageRole.ASSISTANT, "", MessageStatus.QUEUED);
  }

  private ChatMessage add(MessageRole role, String text, MessageStatus status) {
    ChatMessage message =
        ChatMessage.of(chat, messages.size() + 1, role, text, status, Priority.NORMAL, clock);
    messages.add(message);
    return message;
  }
}
