package dev.sluice.chat.events;

/** A message's status changed (queued → streaming, ...), for subscribers that show it. */
public record AnswerStatus(String chatId, String messageId, String status) {}
