package dev.sluice.chat;

import dev.sluice.admission.Priority;
import dev.sluice.platform.messaging.JobKind;
import dev.sluice.platform.messaging.JobOutbox;
import dev.sluice.platform.messaging.JobWakeup;
import dev.sluice.platform.problem.ProblemException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Predicate;

/**
 * A question asked, as plain SQL in a shared commit ({@link AnswerLedger#ask}): the chat checked
 * and touched (its row update serialises questions to one chat, so their seqs differ), its messages
 * read, the question and its queued answer inserted, and the answer's job recorded in the outbox.
 * It changes nothing when the chat is not the caller's or its model is no longer in the catalog;
 * {@link #refusal()} says why. Applied again from the start if its batch is retried, so every run
 * makes its messages anew.
 */
public final class AskWrite extends AnswerWrite {

  /** What a question carries once checked without its chat (its model may be the chat's). */
  record Question(
      String chatId, String onlyOwner, String content, Priority priority, String model) {}

  /** What the write works with besides its question. */
  record Parts(JobOutbox outbox, JobKind kind, HeldPlans plans, Predicate<String> knownModel) {}

  private final Question question;
  private final Parts parts;
  private PostedMessages posted;
  private ProblemException refusal;

  AskWrite(Question question, Parts parts) {
    this.question = question;
    this.parts = parts;
  }

  /** The two messages, once the write has committed with a true outcome. */
  PostedMessages posted() {
    return posted;
  }

  /** What wakes the answer's job once the write has committed; null if it wrote nothing. */
  JobWakeup wakeup() {
    if (posted == null) {
      return null;
    }
    ChatMessage answer = posted.answer();
    return new JobWakeup(parts.kind(), answer.id(), answer.priority().jmsPriority());
  }

  /** Why nothing was written, when the outcome is false. */
  ProblemException refusal() {
    return refusal;
  }

  @Override
  boolean run(Connection c, LocalDateTime now) throws SQLException {
    posted = null;
    refusal = null;
    ChatRow chat = chat(c);
    if (chat == null
        || (question.onlyOwner() != null && !question.onlyOwner().equals(chat.owner()))) {
      refusal = ProblemException.notFound("chat", question.chatId());
      return false;
    }
    String model;
    try {
      model = MessageDraft.checkedModel(question.model(), parts.knownModel(), chat.model());
    } catch (ProblemException e) {
      refusal = e;
      return false;
    }
    if (!touch(c, now)) {
      // Deleted since it was read.
      refusal = ProblemException.notFound("chat", question.chatId());
      return false;
    }
    List<ChatMessage> messages = ConversationRows.all(c, question.chatId());
    int seq = messages.isEmpty() ? 0 : messages.get(messages.size() - 1).seq();
    ChatMessage asked =
        ChatMessage.posted(
            question.chatId(),
            seq + 1,
            MessageRole.USER,
            question.content(),
            MessageStatus.COMPLETED,
            question.priority(),
            null,
            now);
    ChatMessage answer =
        ChatMessage.posted(
            question.chatId(),
            seq + 2,
            MessageRole.ASSISTANT,
            "",
            MessageStatus.QUEUED,
            question.priority(),
            model,
            now);
    insert(c, List.of(asked, answer), now);
    parts.outbox().add(c, parts.kind(), answer.id(), answer.priority().jmsPriority());
    messages.add(asked);
    messages.add(answer);
    // Before the commit, so it is there when the wake-up sent after it is delivered.
    parts.plans().hold(chat.owner(), question.chatId(), chat.systemPrompt(), messages);
    posted = new PostedMessages(asked, answer);
    return true;
  }

  private record ChatRow(String owner, String model, String systemPrompt) {}

  private ChatRow chat(Connection c) throws SQLException {
    try (PreparedStatement read =
        c.prepareStatement("SELECT owner, model, system_prompt FROM chat WHERE id = ?")) {
      read.setString(1, question.chatId());
      try (ResultSet row = read.executeQuery()) {
        return row.next()
            ? new ChatRow(row.getString(1), row.getString(2), row.getString(3))
            : null;
      }
    }
  }

  private boolean touch(Connection c, LocalDateTime now) throws SQLException {
    try (PreparedStatement touch =
        c.prepareStatement("UPDATE chat SET updated_at = ? WHERE id = ?")) {
      touch.setObject(1, now);
      touch.setString(2, question.chatId());
      return touch.executeUpdate() == 1;
    }
  }

  private static void insert(Connection c, List<ChatMessage> messages, LocalDateTime now)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO chat_message (id, chat_id, seq, role, content, status, model_requested,"
                + " priority, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (ChatMessage m : messages) {
        insert.setString(1, m.id());
        insert.setString(2, m.chatId());
        insert.setInt(3, m.seq());
        insert.setString(4, m.role().name());
        insert.setString(5, m.content());
        insert.setString(6, m.status().name());
        insert.setString(7, m.modelRequested());
        insert.setString(8, m.priority().name());
        insert.setObject(9, now);
        insert.setObject(10, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
