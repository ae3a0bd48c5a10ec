package dev.sluice.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's plan made at its question ({@link HeldPlans}): the prompt as it stood then, except the
 * earlier answers that were still being written. Their text is what it is at delivery, so each
 * keeps a place in the history ({@link Unsettled}) and is read again by id ({@link
 * ChatJobStore#settle}) instead of the whole conversation. Whether such an answer stands does not
 * change (that depends on seqs only, {@link PromptHistory}); whether it has text to carry does.
 */
public record KeptPlan(JobPlan plan, List<Unsettled> unsettled) {

  /** An earlier answer still being written, at {@code index} of the plan's history. */
  public record Unsettled(int index, String id) {}

  public KeptPlan {
    unsettled = List.copyOf(unsettled);
  }

  /**
   * The plan of the answer that ends {@code upToAnswer}, the messages of {@code owner}'s chat
   * {@code chatId} in seq order: as {@link JobPlan#of}, with a place for each earlier answer that
   * had not ended.
   */
  static KeptPlan of(
      String owner, String chatId, String systemPrompt, List<ChatMessage> upToAnswer) {
    ChatMessage answer = upToAnswer.get(upToAnswer.size() - 1);
    List<dev.sluice.llm.ChatMessage> history = new ArrayList<>();
    List<Unsettled> unsettled = new ArrayList<>();
    for (ChatMessage message : PromptHistory.current(upToAnswer)) {
      if (message.id().equals(answer.id())) {
        continue;
      }
      if (message.role() == MessageRole.ASSISTANT && !message.status().isFinal()) {
        unsettled.add(new Unsettled(history.size(), message.id()));
        history.add(dev.sluice.llm.ChatMessage.assistant(""));
      } else if (JobPlan.belongsInPrompt(message)) {
        history.add(JobPlan.toPrompt(message));
      }
    }
    return new KeptPlan(JobPlan.of(owner, chatId, systemPrompt, answer, history), unsettled);
  }

  /** True when no earlier answer was under way: the plan is whole as kept. */
  boolean settled() {
    return unsettled.isEmpty();
  }

  /** The ids of the answers to read again at delivery. */
  List<String> unsettledIds() {
    return unsettled.stream().map(Unsettled::id).toList();
  }

  /**
   * The plan with each unsettled answer as {@code now} has it (its rows by id): its text if it has
   * text and did not fail, else nothing; empty if one is missing (its chat was deleted).
   */
  Optional<JobPlan> settle(Map<String, ChatMessage> now) {
    List<dev.sluice.llm.ChatMessage> history = new ArrayList<>(plan.history().size());
    int next = 0;
    for (int i = 0; i < plan.history().size(); i++) {
      if (next < unsettled.size() && unsettled.get(next).index() == i) {
        ChatMessage answer = now.get(unsettled.get(next++).id());
        if (answer == null) {
          return Optional.empty();
        }
        if (JobPlan.belongsInPrompt(answer)) {
          history.add(JobPlan.toPrompt(answer));
        }
      } else {
        history.add(plan.history().get(i));
      }
    }
    return Optional.of(plan.withHistory(history));
  }
}
