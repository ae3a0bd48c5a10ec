package dev.sluice.documents.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/documents} as JSON: a text document. */
@Schema(name = "NewDocument")
public record NewDocument(
    @Schema(description = "Required; at most 500 characters", maxLength = 500) String title,
    @Schema(description = "Required, not blank; at most sluice.documents.max-text-chars")
        String text) {}
