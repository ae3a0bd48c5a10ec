package dev.sluice.generations;

import dev.sluice.admission.CallOrigin;
import java.util.Set;

/**
 * Which calls keep their prompt and answer in the generation record, and how much of them. Chat
 * answers are stored with their chat anyway; a batch's prompts are whole documents, so batches and
 * uploads keep none unless configured ({@code sluice.generations.persist-text.<source>}).
 *
 * @param keep the sources whose text is kept
 * @param maxChars the most characters kept of a prompt or an answer (the end is cut off)
 */
public record TextPolicy(Set<CallOrigin.Source> keep, int maxChars) {

  public TextPolicy {
    keep = Set.copyOf(keep);
    if (maxChars < 0) {
      throw new IllegalArgumentException("maxChars cannot be negative");
    }
  }

  public boolean keeps(CallOrigin.Source source) {
    return keep.contains(source) && maxChars > 0;
  }

  String cut(String text) {
    if (text == null || text.length() <= maxChars) {
      return text;
    }
    return text.substring(0, maxChars);
  }
}
