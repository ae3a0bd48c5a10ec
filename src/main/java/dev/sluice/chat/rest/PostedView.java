package dev.sluice.chat.rest;

import dev.sluice.chat.PostedMessages;

/** The answer to posting a question: the stored question and the queued answer. */
public record PostedView(MessageView userMessage, MessageView assistantMessage) {

  static PostedView of(PostedMessages posted) {
    return new PostedView(MessageView.of(posted.question()), MessageView.of(posted.answer()));
  }
}
