package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Priority;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    KeptPlan kept = plans.take(answer.id()).orElseThrow();
    assertThat(kept.settled()).isTrue();
    JobPlan held = kept.plan();
    assertThat(held).isEqualTo(JobPlan.of(chat.owner(), chat.id(), chat.systemPrompt(), messages));
    assertThat(held.history()).extracting(m -> m.text()).containsExactly("q1", "a1", "q2");
    assertThat(held.history()).as("kept across threads, so it cannot change").isUnmodifiable();
    assertThat(held.systemPrompt()).isEqualTo("Be brief.");
    assertThat(held.owner()).isEqualTo("demo");
    assertThat(plans.take(answer.id())).as("taken once; a second delivery reads").isEmpty();
  }

  @Test
  void anEarlierAnswerStillBeingWrittenIsTakenAsItIsAtDelivery() {
    HeldPlans plans = new HeldPlans(now::get, 1_000_000);
    add(MessageRole.USER, "q1", MessageStatus.COMPLETED);
    ChatMessage streaming = add(MessageRole.ASSISTANT, "half an ans", MessageStatus.STREAMING);
    add(MessageRole.USER, "q2", MessageStatus.COMPLETED);
    ChatMessage queued = add(MessageRole.ASSISTANT, "", MessageStatus.QUEUED);
    add(MessageRole.USER, "q3", MessageStatus.COMPLETED);
    ChatMessage answer = add(MessageRole.ASSISTANT, "", MessageStatus.QUEUED);

    plans.hold(chat, messages);

    KeptPlan kept = plans.take(answer.id()).orElseThrow();
    assertThat(kept.settled()).isFalse();
    assertThat(kept.unsettledIds()).containsExactly(streaming.id(), queued.id());
    assertThat(
            texts(
                kept,
                copy(streaming, MessageStatus.COMPLETED, "a whole answer"),
                copy(queued, MessageStatus.STREAMING, "under way")))
        .containsExactly("q1", "a whole answer", "q2", "under way", "q3");
    assertThat(
            texts(
                kept,
                copy(streaming, MessageStatus.FAILED, "broke off"),
                copy(queued, MessageStatus.QUEUED, "")))
        .as("a failed answer and one without text yet are left out, as a read would")
        .containsExactly("q1", "q2", "q3");
    assertThat(kept.settle(Map.of(streaming.id(), streaming)))
        .as("one of them gone: the chat was deleted")
        .isEmpty();
  }

  @Test
  void aSettledPlanIsTheOneThatReadingTheSameRowsAtDeliveryGives() {
    add(MessageRole.USER, "q1", MessageStatus.COMPLETED);
    ChatMessage first = add(MessageRole.ASSISTANT, "", MessageStatus.QUEUED);
    add(MessageRole.USER, "q2", MessageStatus.COMPLETED);
    add(MessageRole.ASSISTANT, "", MessageStatus.QUEUED);
    KeptPlan kept = KeptPlan.of(chat.owner(), chat.id(), chat.systemPrompt(), messages);

    ChatMessage ended = copy(first, MessageStatus.COMPLETED, "the first answer");
    messages.set(1, ended);

    assertThat(kept.settle(Map.of(first.id(), ended)))
        .contains(JobPlan.of(chat.owner(), chat.id(), chat.systemPrompt(), messages));
  }

  /** The prompt's texts once {@code kept} is settled with {@code now}, the rows as they are now. */
  private static List<String> texts(KeptPlan kept, ChatMessage... now) {
    Map<String, ChatMessage> rows = new HashMap<>();
    for (ChatMessage row : now) {
      rows.put(row.id(), row);
    }
    return kept.settle(rows).orElseThrow().history().stream().map(m -> m.text()).toList();
  }

  private static ChatMessage copy(ChatMessage row, MessageStatus status, String content) {
    return ChatMessage.stored(
        row.id(),
        row.seq(),
        row.role(),
        status,
        content,
        row.replacesSeq(),
        row.modelRequested(),
        row.priority());
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
