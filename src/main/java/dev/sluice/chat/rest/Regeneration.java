package dev.sluice.chat.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of {@code POST /api/chats/{id}/messages/{messageId}/regenerate}. */
@Schema(name = "Regeneration")
public record Regeneration(
    @Schema(description = "urgent, high, normal or low; the old answer's when absent")
        String priority,
    @Schema(description = "A model id from /api/models; the old answer's model when absent")
        String model) {}
