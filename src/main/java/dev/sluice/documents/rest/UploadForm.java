package dev.sluice.documents.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The multipart form of {@code POST /api/documents}, described for OpenAPI only. */
@Schema(name = "DocumentUpload")
public record UploadForm(
    @Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            format = "binary",
            description =
                "PDF, DOCX, HTML, Markdown or plain text (text extracted); PNG, JPEG, WebP, MP3,"
                    + " WAV or M4A (kept as they are). The type is read from the bytes.")
        byte[] file,
    @Schema(description = "Optional; the file's name when absent") String title) {}
