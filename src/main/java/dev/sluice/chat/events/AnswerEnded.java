package dev.sluice.chat.events;

/**
 * An answer ended without completing.
 *
 * @param status {@code failed}, {@code interrupted} or {@code cancelled}
 * @param lastSequence the sequence number of the last chunk delivered (0 if none or unknown)
 * @param errorCode a safe, stable code: an {@code LlmErrorKind} name, {@code CANCELLED}, {@code
 *     INTERNAL} (the job could not be processed) or {@code SERVER_STOPPED} (a restart cut it off)
 * @param reason a safe message for the user; never a key or a stack trace
 * @param partialContent the text delivered before the end (empty if none)
 */
public record AnswerEnded(
    String chatId,
    String messageId,
    String status,
    long lastSequence,
    String errorCode,
    String reason,
    String partialContent) {}
