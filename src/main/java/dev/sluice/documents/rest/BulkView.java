package dev.sluice.documents.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a bulk load stored: how many documents, and their ids in the order of the lines. */
public record BulkView(
    int count, @Schema(description = "The new documents' ids, line by line") List<String> ids) {}
