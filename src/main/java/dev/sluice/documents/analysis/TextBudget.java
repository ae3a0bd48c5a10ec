package dev.sluice.documents.analysis;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.TokenCounter;

/**
 * How many tokens of document text fit in one request: the model's context window less a safety
 * margin (token counts are estimates for most providers), the prompt around the text, and room for
 * the answer twice over plus the repair instruction, so a repair attempt fits as well.
 */
final class TextBudget {

  static final int REPAIR_ALLOWANCE = 100;

  private TextBudget() {}

  /**
   * @param withoutText the request as it will be sent, with empty document text
   */
  static int of(ModelInfo model, ChatRequest withoutText, TokenCounter counter) {
    int window = model.contextWindow();
    int output = withoutText.maxOutputTokens() == null ? 0 : withoutText.maxOutputTokens();
    return window - window / 20 - counter.countPrompt(withoutText) - 2 * output - REPAIR_ALLOWANCE;
  }
}
