package dev.sluice.documents.rest;

import dev.sluice.documents.DocumentPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of documents; {@code next} is passed back as {@code after} for the following page. */
public record DocumentPageView(
    List<DocumentSummaryView> items,
    @Schema(description = "Cursor of the next page; absent on the last page") String next) {

  static DocumentPageView of(DocumentPage page) {
    return new DocumentPageView(
        page.items().stream().map(DocumentSummaryView::of).toList(),
        page.next() == null ? null : page.next().encode());
  }
}
