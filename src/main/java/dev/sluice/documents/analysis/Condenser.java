package dev.sluice.documents.analysis;

import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.TokenCounter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Makes a text fit a budget without truncating it: a text that fits is used as it is; one that does
 * not is split into token-bounded sections, each section is summarised (map), and the summaries,
 * joined in order, take the text's place (reduce), again and again until they fit.
 */
final class Condenser {

  /** Levels of summaries of summaries before giving up; each level shrinks the text at least 2x. */
  static final int MAX_LEVELS = 6;

  private final ModelCalls calls;
  private final ModelInfo model;
  private final String title;
  private final String focus;
  private final int parallelism;
  private final TokenCounter counter = TokenCounter.instance();

  /** A text ready for the final call, and how many levels of summaries it went through. */
  record Fitted(String text, int levels) {
    boolean condensed() {
      return levels > 0;
    }
  }

  /**
   * @param focus a custom analysis's instruction, so section summaries keep what it needs; or null
   * @param parallelism section calls in flight at once for this document
   */
  Condenser(ModelCalls calls, ModelInfo model, String title, String focus, int parallelism) {
    this.calls = calls;
    this.model = model;
    this.title = title;
    this.focus = focus;
    this.parallelism = parallelism;
  }

  CompletionStage<Fitted> fit(String text, int budget) {
    return fit(text, budget, 0);
  }

  private CompletionStage<Fitted> fit(String text, int budget, int level) {
    int tokens = counter.count(text);
    if (tokens <= budget) {
      return CompletableFuture.completedFuture(new Fitted(text, level));
    }
    int sectionBudget =
        TextBudget.of(model, Prompts.section(model, title, "", 999, 999, focus), counter);
    int summaryCap = Prompts.outputCap(model, Prompts.SECTION);
    if (budget <= summaryCap || sectionBudget < 2 * summaryCap) {
      return CompletableFuture.failedFuture(tooSmall());
    }
    if (level == MAX_LEVELS) {
      return CompletableFuture.failedFuture(tooLong());
    }
    List<String> sections = new Sections(counter, sectionBudget).split(text);
    int n = sections.size();
    return Fanout.run(
            n,
            parallelism,
            i ->
                calls.ask(
                    Prompts.section(model, title, sections.get(i), i + 1, n, focus),
                    OutputFormat.TEXT))
        .thenCompose(summaries -> reduce(summaries, tokens, budget, level));
  }

  private CompletionStage<Fitted> reduce(
      List<String> summaries, int tokensBefore, int budget, int level) {
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < summaries.size(); i++) {
      if (i > 0) {
        joined.append("\n\n");
      }
      joined.append("Part ").append(i + 1).append(":\n").append(summaries.get(i));
    }
    String combined = joined.toString();
    if (counter.count(combined) >= tokensBefore) {
      return CompletableFuture.failedFuture(tooLong());
    }
    return fit(combined, budget, level + 1);
  }

  private AnalysisFailure tooSmall() {
    return new AnalysisFailure(
        "CONTEXT_TOO_SMALL",
        "model '"
            + model.id()
            + "' has too small a context window ("
            + model.contextWindow()
            + " tokens) to read this document in sections");
  }

  private AnalysisFailure tooLong() {
    return new AnalysisFailure(
        "DOCUMENT_TOO_LONG",
        "the document's section summaries did not get short enough for model '" + model.id() + "'");
  }
}
