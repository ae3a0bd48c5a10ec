package dev.sluice.chat;

import dev.sluice.admission.Priority;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a claimed chat job needs to ask the model: whose chat it is, the answer to write and the
 * conversation so far.
 */
public record JobPlan(
    String owner,
    String chatId,
    String messageId,
    String model,
    Priority priority,
    String systemPrompt,
    List<dev.sluice.llm.ChatMessage> history) {

  public JobPlan {
    // Plans are kept across threads (HeldPlans) and built from lists their makers go on using.
    history = List.copyOf(history);
  }

  /**
   * The plan for the answer that ends {@code upToAnswer}, the messages of {@code owner}'s chat
   * {@code chatId} in seq order: the prompt carries the messages that still stand ({@link
   * PromptHistory}), the questions and the answers that have text and did not fail.
   */
  static JobPlan of(
      String owner, String chatId, String systemPrompt, List<ChatMessage> upToAnswer) {
    KeptPlan kept = KeptPlan.of(owner, chatId, systemPrompt, upToAnswer);
    if (kept.settled()) {
      return kept.plan();
    }
    // The answers under way as these rows have them.
    Map<String, ChatMessage> rows = new HashMap<>();
    upToAnswer.forEach(m -> rows.put(m.id(), m));
    return kept.settle(rows).orElseThrow();
  }

  /** The plan for {@code answer} with the prompt's {@code history} already made. */
  static JobPlan of(
      String owner,
      String chatId,
      String systemPrompt,
      ChatMessage answer,
      List<dev.sluice.llm.ChatMessage> history) {
    return new JobPlan(
        owner,
        chatId,
        answer.id(),
        answer.modelRequested(),
        answer.priority(),
        systemPrompt,
        history);
  }

  /** The same plan with another history. */
  JobPlan withHistory(List<dev.sluice.llm.ChatMessage> newHistory) {
    return new JobPlan(owner, chatId, messageId, model, priority, systemPrompt, newHistory);
  }

  /** The characters the plan holds, to bound how many plans are kept in memory. */
  long chars() {
    long chars = systemPrompt == null ? 0 : systemPrompt.length();
    for (dev.sluice.llm.ChatMessage m : history) {
      chars += m.text().length();
    }
    return chars;
  }

  /** A question, or an answer with text that did not fail. */
  static boolean belongsInPrompt(ChatMessage message) {
    return message.role() == MessageRole.USER
        || (message.role() == MessageRole.ASSISTANT
            && message.status() != MessageStatus.FAILED
            && !message.content().isBlank());
  }

  static dev.sluice.llm.ChatMessage toPrompt(ChatMessage message) {
    return switch (message.role()) {
      case USER -> dev.sluice.llm.ChatMessage.user(message.content());
      case ASSISTANT -> dev.sluice.llm.ChatMessage.assistant(message.content());
      case SYSTEM -> dev.sluice.llm.ChatMessage.system(message.content());
    };
  }
}
