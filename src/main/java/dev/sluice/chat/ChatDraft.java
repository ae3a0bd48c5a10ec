package dev.sluice.chat;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a new chat starts with, validated: a title (a default when none is given), a model from the
 * catalog (the default model when none is given) and an optional system prompt.
 */
public record ChatDraft(String title, String model, String systemPrompt) {

  public static final String DEFAULT_TITLE = "New chat";
  public static final int MAX_TITLE = 200;
  public static final int MAX_SYSTEM_PROMPT = 20_000;

  /**
   * Validates what a caller sent; every field that is wrong is named in one 400 problem, so a form
   * can show all its errors at once.
   */
  public static ChatDraft of(
      String title,
      String model,
      String systemPrompt,
      Predicate<String> knownModel,
      String defaultModel) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String cleanTitle = isBlank(title) ? DEFAULT_TITLE : title.strip();
    if (cleanTitle.length() > MAX_TITLE) {
      errors.add(new Problem.FieldError("title", "at most " + MAX_TITLE + " characters"));
    }
    String cleanModel = isBlank(model) ? defaultModel : model.strip();
    if (!knownModel.test(cleanModel)) {
      errors.add(
          new Problem.FieldError("model", "unknown model '" + cleanModel + "'; see /api/models"));
    }
    String prompt = isBlank(systemPrompt) ? null : systemPrompt;
    if (prompt != null && prompt.length() > MAX_SYSTEM_PROMPT) {
      errors.add(
          new Problem.FieldError("systemPrompt", "at most " + MAX_SYSTEM_PROMPT + " characters"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalidFields(errors);
    }
    return new ChatDraft(cleanTitle, cleanModel, prompt);
  }

  /** A new title for an existing chat: not blank, at most {@link #MAX_TITLE} characters. */
  public static String title(String title) {
    if (isBlank(title)) {
      throw ProblemException.invalidField(400, "title", "must not be empty");
    }
    String clean = title.strip();
    if (clean.length() > MAX_TITLE) {
      throw ProblemException.invalidField(400, "title", "at most " + MAX_TITLE + " characters");
    }
    return clean;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
