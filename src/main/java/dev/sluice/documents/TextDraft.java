package dev.sluice.documents;

import dev.sluice.documents.extract.DocumentText;
import dev.sluice.platform.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A text document sent as JSON ({@code POST /api/documents} or one line of a bulk load), validated:
 * a title of at most {@value Document#MAX_TITLE} characters and a text that is not empty once
 * cleaned and not longer than the limit.
 */
public record TextDraft(String title, String text) {

  /** The draft, or the fields that are wrong, each named with {@code prefix} before it. */
  public static Result check(String title, String text, int maxChars, String prefix) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (title == null || title.isBlank()) {
      errors.add(new Problem.FieldError(prefix + "title", "required"));
    } else if (title.strip().length() > Document.MAX_TITLE) {
      // Refused, not cut: what the answer echoes must be what is stored.
      errors.add(
          new Problem.FieldError(
              prefix + "title", "at most " + Document.MAX_TITLE + " characters"));
    }
    String clean = DocumentText.clean(text);
    if (text == null) {
      errors.add(new Problem.FieldError(prefix + "text", "required"));
    } else if (clean.isEmpty()) {
      errors.add(new Problem.FieldError(prefix + "text", "must not be empty"));
    } else if (clean.length() > maxChars) {
      errors.add(new Problem.FieldError(prefix + "text", "at most " + maxChars + " characters"));
    }
    return errors.isEmpty()
        ? new Result(new TextDraft(title.strip(), clean), List.of())
        : new Result(null, List.copyOf(errors));
  }

  /** Either a draft or the errors that prevent one. */
  public record Result(TextDraft draft, List<Problem.FieldError> errors) {

    public boolean valid() {
      return draft != null;
    }

    /** The errors as one line: "title: required; text: must not be empty". */
    public String summary() {
      StringBuilder detail = new StringBuilder();
      for (Problem.FieldError error : errors) {
        detail.append(detail.isEmpty() ? "" : "; ").append(error.field()).append(": ");
        detail.append(error.message());
      }
      return detail.toString();
    }
  }
}
