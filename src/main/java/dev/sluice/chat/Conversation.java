package dev.sluice.chat;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.TokenCounter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The prompt of an answer: the chat's system prompt, then as much of the history as fits the
 * model's context window minus its output allowance, dropping the oldest messages first. The last
 * message (the question) is always kept.
 */
public final class Conversation {

  /**
   * Tokens a chat format adds around each message and once to prime the answer (see TokenCounter).
   */
  static final int PER_MESSAGE = 4;

  static final int PRIMING = 3;

  private Conversation() {}

  public static List<ChatMessage> fit(
      String systemPrompt, List<ChatMessage> history, int budgetTokens, TokenCounter counter) {
    if (mostTokens(systemPrompt, history) <= budgetTokens) {
      // All of it fits however it is counted: the tokenizer is for histories near the window (the
      // admission gate counts the prompt once more anyway).
      List<ChatMessage> all = new ArrayList<>(history.size() + 1);
      if (systemPrompt != null && !systemPrompt.isBlank()) {
        all.add(ChatMessage.system(systemPrompt));
      }
      all.addAll(history);
      return all;
    }
    return fitCounted(systemPrompt, history, budgetTokens, counter);
  }

  /**
   * An upper bound of the prompt's tokens without tokenizing: a token of a byte-level BPE encoding
   * is at least one byte of UTF-8, and a Java char at most three bytes.
   */
  static long mostTokens(String systemPrompt, List<ChatMessage> history) {
    long most = PRIMING;
    if (systemPrompt != null && !systemPrompt.isBlank()) {
      most += PER_MESSAGE + 3L * systemPrompt.length();
    }
    for (ChatMessage message : history) {
      most += PER_MESSAGE + 3L * message.text().length();
    }
    return most;
  }

  /** {@link #fit} with every message counted by the tokenizer. */
  static List<ChatMessage> fitCounted(
      String systemPrompt, List<ChatMessage> history, int budgetTokens, TokenCounter counter) {
    List<ChatMessage> result = new ArrayList<>();
    int used = PRIMING;
    if (systemPrompt != null && !systemPrompt.isBlank()) {
      result.add(ChatMessage.system(systemPrompt));
      used += PER_MESSAGE + counter.count(systemPrompt);
    }
    Deque<ChatMessage> kept = new ArrayDeque<>();
    for (int i = history.size() - 1; i >= 0; i--) {
      ChatMessage message = history.get(i);
      int cost = PER_MESSAGE + counter.count(message.text());
      if (!kept.isEmpty() && used + cost > budgetTokens) {
        break;
      }
      used += cost;
      kept.addFirst(message);
    }
    result.addAll(kept);
    return result;
  }

  /** The prompt budget of a model: its context window less what the answer may use. */
  public static int budget(int contextWindow, int maxOutputTokens) {
    return Math.max(1, contextWindow - maxOutputTokens);
  }
}
