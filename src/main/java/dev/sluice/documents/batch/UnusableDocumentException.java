package dev.sluice.documents.batch;

/**
 * A batch item whose document cannot be analysed (deleted, or a text document without text). The
 * job skips it (a skippable exception) and {@link UnusableDocumentListener} records why.
 */
public class UnusableDocumentException extends Exception {

  private static final long serialVersionUID = 1L;

  private final BatchItem item;

  public UnusableDocumentException(BatchItem item) {
    super(item.check().reason());
    this.item = item;
  }

  public BatchItem item() {
    return item;
  }

  /** The error code recorded with the item's results; the message is the safe reason. */
  public String code() {
    return item.check().name();
  }
}
