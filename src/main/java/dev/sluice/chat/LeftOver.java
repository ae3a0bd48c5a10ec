package dev.sluice.chat;

import java.time.Instant;

/**
 * An answer an earlier run left streaming, as recovered at start: the answer afterwards (queued
 * again, or interrupted), its chat's owner, the question it answers, its fate, and when the earlier
 * run last wrote it.
 */
record LeftOver(
    ChatMessage answer,
    String owner,
    String question,
    LeftStreaming.Fate fate,
    Instant lastWritten) {}
