package dev.sluice.documents.batch;

import dev.sluice.admission.Priority;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.platform.problem.Problem.FieldError;
import dev.sluice.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A batch request, validated: which analyses, the model, priority, parallelism, the custom
 * instruction and the webhook. Every wrong field is named in one 400 problem.
 */
public record BatchDraft(
    List<AnalysisKind> analyses,
    String model,
    Priority priority,
    int maxConcurrency,
    int partitions,
    String customInstruction,
    String webhookUrl,
    BatchMode mode) {

  /** A draft of an interactive batch. */
  public BatchDraft(
      List<AnalysisKind> analyses,
      String model,
      Priority priority,
      int maxConcurrency,
      int partitions,
      String customInstruction,
      String webhookUrl) {
    this(
        analyses,
        model,
        priority,
        maxConcurrency,
        partitions,
        customInstruction,
        webhookUrl,
        BatchMode.INTERACTIVE);
  }

  /** The bounds a request must stay within (configuration). */
  public record Limits(
      int maxConcurrency, int maxPartitions, int defaultConcurrency, int defaultPartitions) {}

  static final int MAX_INSTRUCTION = 5000;
  // The length of the column it is stored in.
  static final int MAX_WEBHOOK_URL = 2000;

  public static BatchDraft of(
      BatchRequest request, Predicate<String> knownModel, Limits limits, WebhookCheck webhooks) {
    List<FieldError> errors = new ArrayList<>();
    Set<AnalysisKind> analyses = analyses(request.analyses(), errors);
    String model = blank(request.model()) ? null : request.model().strip();
    if (model != null && !knownModel.test(model)) {
      errors.add(new FieldError("model", "unknown model '" + model + "'; see /api/models"));
    }
    Priority priority = priority(request.priority(), errors);
    int concurrency =
        bounded(
            "maxConcurrency",
            request.maxConcurrency(),
            limits.defaultConcurrency(),
            limits.maxConcurrency(),
            errors);
    int partitions =
        bounded(
            "partitions",
            request.partitions(),
            limits.defaultPartitions(),
            limits.maxPartitions(),
            errors);
    String instruction =
        blank(request.customInstruction()) ? null : request.customInstruction().strip();
    if (analyses.contains(AnalysisKind.CUSTOM) && instruction == null) {
      errors.add(new FieldError("customInstruction", "required for the custom analysis"));
    } else if (instruction != null && instruction.length() > MAX_INSTRUCTION) {
      errors.add(new FieldError("customInstruction", "at most " + MAX_INSTRUCTION + " characters"));
    }
    String webhook = webhook(request.webhookUrl(), webhooks, errors);
    BatchMode mode = mode(request.mode(), errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalidFields(errors);
    }
    return new BatchDraft(
        List.copyOf(analyses),
        model,
        priority,
        concurrency,
        partitions,
        instruction,
        webhook,
        mode);
  }

  private static Set<AnalysisKind> analyses(List<String> names, List<FieldError> errors) {
    Set<AnalysisKind> kinds = new LinkedHashSet<>();
    if (names == null || names.isEmpty()) {
      errors.add(new FieldError("analyses", "name at least one analysis"));
      return kinds;
    }
    for (String name : names) {
      try {
        kinds.add(AnalysisKind.parse(name));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("analyses", e.getMessage()));
      }
    }
    return kinds;
  }

  private static Priority priority(String value, List<FieldError> errors) {
    if (blank(value)) {
      return Priority.BATCH;
    }
    try {
      return Priority.parse(value);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("priority", e.getMessage()));
      return Priority.BATCH;
    }
  }

  private static BatchMode mode(String value, List<FieldError> errors) {
    if (blank(value)) {
      return BatchMode.INTERACTIVE;
    }
    try {
      return BatchMode.parse(value);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("mode", e.getMessage()));
      return BatchMode.INTERACTIVE;
    }
  }

  /** The same draft for another model (a provider batch fixes the default model when submitted). */
  public BatchDraft withModel(String chosen) {
    return new BatchDraft(
        analyses,
        chosen,
        priority,
        maxConcurrency,
        partitions,
        customInstruction,
        webhookUrl,
        mode);
  }

  private static int bounded(
      String field, Integer value, int fallback, int max, List<FieldError> errors) {
    if (value == null) {
      return fallback;
    }
    if (value < 1 || value > max) {
      errors.add(new FieldError(field, "from 1 to " + max));
    }
    return value;
  }

  private static String webhook(String url, WebhookCheck webhooks, List<FieldError> errors) {
    if (blank(url)) {
      return null;
    }
    String stripped = url.strip();
    if (stripped.length() > MAX_WEBHOOK_URL) {
      errors.add(new FieldError("webhookUrl", "at most " + MAX_WEBHOOK_URL + " characters"));
      return null;
    }
    Optional<String> refusal = webhooks.refusal(stripped);
    refusal.ifPresent(reason -> errors.add(new FieldError("webhookUrl", reason)));
    return refusal.isPresent() ? null : stripped;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
