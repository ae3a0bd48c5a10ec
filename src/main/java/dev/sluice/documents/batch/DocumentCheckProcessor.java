package dev.sluice.documents.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * Lets only usable items through to the writer: a deleted document, or a text document without
 * text, throws the skippable {@link UnusableDocumentException}, so the runtime counts it as a
 * skipped item and {@link UnusableDocumentListener} records the reason.
 */
@Named("documentCheckProcessor")
@Dependent
public class DocumentCheckProcessor implements ItemProcessor {

  @Override
  public Object processItem(Object item) throws UnusableDocumentException {
    BatchItem batchItem = (BatchItem) item;
    if (!batchItem.usable()) {
      throw new UnusableDocumentException(batchItem);
    }
    return batchItem;
  }
}
