package dev.sluice.chat.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/chats/{id}/messages}. */
@Schema(name = "NewMessage")
public record NewMessage(
    @Schema(
            description = "The question; not blank, at most sluice.chat.max-content-chars (32,000)",
            required = true)
        String content,
    @Schema(description = "urgent, high (default), normal or low") String priority,
    @Schema(description = "A model id from /api/models; the chat's model when absent") String model,
    @Schema(
            description =
                "To edit and resend: the id of the chat's latest question, which this one"
                    + " replaces (both are kept; later prompts carry only this one)")
        String replaces) {}
