package dev.sluice.chat;

import java.util.concurrent.CompletableFuture;

/**
 * One asked question on its way into the database with others: who asks, in which chat, what; once
 * its batch has committed, the stored question and queued answer, or the problem that refused it
 * (no such chat, a bad field), which wrote nothing.
 */
final class Question implements WriteBatcher.Item {

  final String caller;
  final boolean admin;
  final String chatId;
  final String content;
  final String priority;
  final String model;
  private final CompletableFuture<PostedMessages> future = new CompletableFuture<>();
  private PostedMessages posted;
  private RuntimeException refused;

  Question(
      String caller, boolean admin, String chatId, String content, String priority, String model) {
    this.caller = caller;
    this.admin = admin;
    this.chatId = chatId;
    this.content = content;
    this.priority = priority;
    this.model = model;
  }

  CompletableFuture<PostedMessages> future() {
    return future;
  }

  boolean mayRead(String owner) {
    return admin || caller.equals(owner);
  }

  void stored(PostedMessages messages) {
    posted = messages;
    refused = null;
  }

  void refused(RuntimeException problem) {
    refused = problem;
    posted = null;
  }

  @Override
  public void committed() {
    if (refused != null) {
      future.completeExceptionally(refused);
    } else {
      future.complete(posted);
    }
  }

  @Override
  public void failed(Throwable error) {
    future.completeExceptionally(error);
  }
}
