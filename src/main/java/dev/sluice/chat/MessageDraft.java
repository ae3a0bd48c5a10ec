package dev.sluice.chat;

import dev.sluice.admission.Priority;
import dev.sluice.platform.problem.ProblemException;
import java.util.function.Predicate;

/**
 * A new user message, validated: non-blank content within the size limit, an interactive priority
 * ({@code batch} is for document batches, not chats; default {@code high}) and a model from the
 * catalog (the chat's model when none is given).
 */
public record MessageDraft(String content, Priority priority, String model) {

  public static final Priority DEFAULT_PRIORITY = Priority.HIGH;

  public static MessageDraft of(
      String content,
      String priority,
      String model,
      int maxContentChars,
      Predicate<String> knownModel,
      String chatModel) {
    checkContent(content, maxContentChars);
    return new MessageDraft(
        content, parsePriority(priority), checkedModel(model, knownModel, chatModel));
  }

  /**
   * As {@link #of}, before the chat is read: the model is checked if one is named, else it is null,
   * and the chat's model is checked with the chat ({@link AskWrite}).
   */
  public static MessageDraft withoutChat(
      String content,
      String priority,
      String model,
      int maxContentChars,
      Predicate<String> knownModel) {
    checkContent(content, maxContentChars);
    Priority parsed = parsePriority(priority);
    boolean named = model != null && !model.isBlank();
    return new MessageDraft(content, parsed, named ? checkedModel(model, knownModel, null) : null);
  }

  private static void checkContent(String content, int maxContentChars) {
    if (content == null || content.isBlank()) {
      throw ProblemException.invalidField(400, "content", "must not be empty");
    }
    if (content.length() > maxContentChars) {
      throw ProblemException.invalidField(
          400, "content", "at most " + maxContentChars + " characters");
    }
  }

  /** The model asked for, or {@code fallback} when none is; 400 unless the catalog knows it. */
  static String checkedModel(String model, Predicate<String> knownModel, String fallback) {
    String cleanModel = model == null || model.isBlank() ? fallback : model.strip();
    if (!knownModel.test(cleanModel)) {
      throw ProblemException.invalidField(
          400, "model", "unknown model '" + cleanModel + "'; see /api/models");
    }
    return cleanModel;
  }

  static Priority parsePriority(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_PRIORITY;
    }
    Priority parsed = null;
    try {
      parsed = Priority.parse(value);
    } catch (IllegalArgumentException e) {
      // reported below, with the values a chat accepts
    }
    if (parsed == null || parsed == Priority.BATCH) {
      throw ProblemException.invalidField(
          400, "priority", "unknown priority '" + value + "' (urgent, high, normal or low)");
    }
    return parsed;
  }
}
