package dev.sluice.documents.jobs;

import dev.sluice.admission.Priority;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.platform.problem.Problem.FieldError;
import dev.sluice.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The analyses an upload asks for, validated from its query parameters ({@code analyze}, {@code
 * model}, {@code priority}, {@code instruction}) before anything is read or stored; every wrong one
 * is named in one 400 problem.
 */
public record UploadAnalyses(
    List<AnalysisKind> analyses, String model, Priority priority, String instruction) {

  static final int MAX_INSTRUCTION = 5000;

  /** Null when the upload asks for no analyses (no {@code analyze} parameter at all). */
  public static UploadAnalyses of(
      String analyze,
      String model,
      String priority,
      String instruction,
      Predicate<String> knownModel) {
    if (analyze == null) {
      return null;
    }
    List<FieldError> errors = new ArrayList<>();
    Set<AnalysisKind> kinds = kinds(analyze, errors);
    String chosen = blank(model) ? null : model.strip();
    if (chosen != null && !knownModel.test(chosen)) {
      errors.add(new FieldError("model", "unknown model '" + chosen + "'; see /api/models"));
    }
    Priority order = Priority.NORMAL;
    if (!blank(priority)) {
      try {
        order = Priority.parse(priority.strip());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("priority", e.getMessage()));
      }
    }
    String text = blank(instruction) ? null : instruction.strip();
    if (kinds.contains(AnalysisKind.CUSTOM) && text == null) {
      errors.add(new FieldError("instruction", "required for the custom analysis"));
    } else if (text != null && text.length() > MAX_INSTRUCTION) {
      errors.add(new FieldError("instruction", "at most " + MAX_INSTRUCTION + " characters"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalidFields(errors);
    }
    return new UploadAnalyses(List.copyOf(kinds), chosen, order, text);
  }

  private static Set<AnalysisKind> kinds(String analyze, List<FieldError> errors) {
    Set<AnalysisKind> kinds = new LinkedHashSet<>();
    for (String name : analyze.split(",", -1)) {
      if (name.isBlank()) {
        continue;
      }
      try {
        kinds.add(AnalysisKind.parse(name));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("analyze", e.getMessage()));
      }
    }
    if (kinds.isEmpty() && errors.isEmpty()) {
      errors.add(new FieldError("analyze", "name at least one analysis, e.g. summary,key_points"));
    }
    return kinds;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
