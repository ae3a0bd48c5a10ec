package dev.sluice.chat;

import dev.sluice.admission.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chat's messages and a queued answer's plan read over plain JDBC, for the paths every question
 * takes: a question's write ({@link AskWrite}), a chat job's delivery that found no kept plan
 * ({@link ChatJobStore#plan}) and one whose kept plan waits for earlier answers ({@link
 * ChatJobStore#settle}). Read this way the rows become prompt messages without the object
 * relational mapper's per-row work, which was half of a delivery's CPU time.
 */
final class ConversationRows {

  private ConversationRows() {}

  /** Every message of {@code chatId}, in seq order. */
  static List<ChatMessage> all(Connection c, String chatId) throws SQLException {
    return upTo(c, chatId, Integer.MAX_VALUE);
  }

  /**
   * What to ask for the answer {@code answerId}: empty when it is not queued, or gone. The chat and
   * the answer first, so an answer no longer queued reads nothing more.
   */
  static Optional<JobPlan> plan(Connection c, String answerId) throws SQLException {
    String owner;
    String chatId;
    String systemPrompt;
    int seq;
    try (PreparedStatement read =
        c.prepareStatement(
            "SELECT c.owner, c.id, c.system_prompt, a.seq FROM chat_message a"
                + " JOIN chat c ON c.id = a.chat_id WHERE a.id = ? AND a.status = ?")) {
      read.setString(1, answerId);
      read.setString(2, MessageStatus.QUEUED.name());
      try (ResultSet row = read.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        owner = row.getString(1);
        chatId = row.getString(2);
        systemPrompt = row.getString(3);
        seq = row.getInt(4);
      }
    }
    List<ChatMessage> messages = upTo(c, chatId, seq);
    if (messages.isEmpty() || !messages.get(messages.size() - 1).id().equals(answerId)) {
      // Deleted between the two reads.
      return Optional.empty();
    }
    return Optional.of(JobPlan.of(owner, chatId, systemPrompt, messages));
  }

  /** The messages {@code ids} as they are now, by id; those gone are missing. */
  static Map<String, ChatMessage> byId(Connection c, List<String> ids) throws SQLException {
    Map<String, ChatMessage> messages = new HashMap<>();
    if (ids.isEmpty()) {
      return messages;
    }
    try (PreparedStatement read =
        c.prepareStatement(
            COLUMNS
                + " WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        read.setString(i + 1, ids.get(i));
      }
      try (ResultSet row = read.executeQuery()) {
        while (row.next()) {
          ChatMessage message = message(row);
          messages.put(message.id(), message);
        }
      }
    }
    return messages;
  }

  private static final String COLUMNS =
      "SELECT id, seq, role, status, content, replaces_seq, model_requested, priority"
          + " FROM chat_message";

  private static List<ChatMessage> upTo(Connection c, String chatId, int seq) throws SQLException {
    List<ChatMessage> messages = new ArrayList<>();
    try (PreparedStatement read =
        c.prepareStatement(COLUMNS + " WHERE chat_id = ? AND seq <= ? ORDER BY seq")) {
      read.setString(1, chatId);
      read.setInt(2, seq);
      try (ResultSet row = read.executeQuery()) {
        while (row.next()) {
          messages.add(message(row));
        }
      }
    }
    return messages;
  }

  /** The current row of a result with {@link #COLUMNS}. */
  private static ChatMessage message(ResultSet row) throws SQLException {
    int replaces = row.getInt(6);
    Integer replacesSeq = row.wasNull() ? null : replaces;
    return ChatMessage.stored(
        row.getString(1),
        row.getInt(2),
        MessageRole.valueOf(row.getString(3)),
        MessageStatus.valueOf(row.getString(4)),
        row.getString(5),
        replacesSeq,
        row.getString(7),
        Priority.valueOf(row.getString(8)));
  }
}
