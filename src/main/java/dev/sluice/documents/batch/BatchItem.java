package dev.sluice.documents.batch;

import dev.sluice.documents.DocumentKind;
import java.io.Serializable;

/**
 * One document of a batch, by its number within the batch (1..n), and whether the reader found it
 * usable — what the reader hands on. An unusable item is skipped by {@link DocumentCheckProcessor}.
 */
public record BatchItem(int itemNo, String documentId, Check check) implements Serializable {

  /** What the reader found behind the item; the names of the problems are their error codes. */
  public enum Check {
    USABLE(null),
    /** The document was deleted after the batch was submitted. */
    DOCUMENT_GONE("the document was deleted"),
    /** A text document without text: nothing to analyse. */
    NO_TEXT("the document has no text to analyse");

    private final String reason;

    Check(String reason) {
      this.reason = reason;
    }

    /** Why such an item cannot be analysed, safe to show users; null when it can. */
    public String reason() {
      return reason;
    }

    /** The check of a document as the page query sees it ({@code contentType} null: deleted). */
    public static Check of(String contentType, boolean hasText) {
      if (contentType == null) {
        return DOCUMENT_GONE;
      }
      return DocumentKind.of(contentType) == DocumentKind.TEXT && !hasText ? NO_TEXT : USABLE;
    }
  }

  public boolean usable() {
    return check == Check.USABLE;
  }
}
