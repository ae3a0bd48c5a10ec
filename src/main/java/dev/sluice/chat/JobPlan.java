package dev.sluice.chat;

import dev.sluice.admission.Priority;
import java.util.List;

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
    List<dev.sluice.llm.ChatMessage> history) {}
