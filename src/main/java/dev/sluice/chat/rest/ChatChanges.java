package dev.sluice.chat.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PATCH /api/chats/{id}}: what to change; today only the title. */
@Schema(name = "ChatChanges")
public record ChatChanges(
    @Schema(description = "The new title: not blank, at most 200 characters", maxLength = 200)
        String title) {}
