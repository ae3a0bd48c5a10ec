package dev.sluice.chat.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/chats}; every field is optional. */
@Schema(name = "NewChat")
public record NewChat(
    @Schema(description = "At most 200 characters; 'New chat' when absent", maxLength = 200)
        String title,
    @Schema(description = "A model id from /api/models; the default model when absent")
        String model,
    @Schema(description = "At most 20,000 characters", maxLength = 20_000) String systemPrompt) {}
