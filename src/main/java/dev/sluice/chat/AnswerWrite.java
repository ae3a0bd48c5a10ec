package dev.sluice.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;

/**
 * One write of the chat job's hot path, as plain SQL: ask a question ({@link AskWrite}), claim an
 * answer, save its partial text, record its completion. Its outcome (did a row change) is kept
 * until the batch it ran in has committed; only then does {@link #future()} complete.
 */
abstract sealed class AnswerWrite
    permits AnswerWrite.Claim, AnswerWrite.SavePartial, AnswerWrite.Complete, AskWrite {

  private final CompletableFuture<Boolean> future = new CompletableFuture<>();
  private boolean changed;

  final CompletableFuture<Boolean> future() {
    return future;
  }

  /** Runs the write in the caller's transaction; remembers whether it changed the answer. */
  final void apply(Connection connection, LocalDateTime now) throws SQLException {
    changed = run(connection, now);
  }

  /** After the commit: the outcome to whoever waits for it. */
  final void committed() {
    future.complete(changed);
  }

  final void failed(Throwable error) {
    future.completeExceptionally(error);
  }

  abstract boolean run(Connection connection, LocalDateTime now) throws SQLException;

  /**
   * Queued to streaming, owned by this node, and the job out of the outbox; false if the answer was
   * not queued, or the node has ended (its next heartbeat starts it anew and the job is woken
   * again).
   */
  static final class Claim extends AnswerWrite {
    private final String id;
    private final String owner;

    Claim(String id, String owner) {
      this.id = id;
      this.owner = owner;
    }

    @Override
    boolean run(Connection c, LocalDateTime now) throws SQLException {
      try (PreparedStatement move =
          c.prepareStatement(
              "UPDATE chat_message SET status = 'STREAMING', owner_node = ?, updated_at = ?"
                  + " WHERE id = ? AND status = 'QUEUED' AND EXISTS (SELECT 1 FROM cluster_node"
                  + " WHERE cluster_node.id = ? AND cluster_node.ended_at IS NULL)")) {
        // Only for a node that is up: one ended meanwhile would claim what is already an orphan.
        move.setString(1, owner);
        move.setObject(2, now);
        move.setString(3, id);
        move.setString(4, owner);
        if (move.executeUpdate() != 1) {
          return false;
        }
      }
      try (PreparedStatement forget =
          c.prepareStatement("DELETE FROM job_outbox WHERE kind = ? AND work_id = ?")) {
        forget.setString(1, ChatJobRunner.KIND);
        forget.setString(2, id);
        forget.executeUpdate();
      }
      return true;
    }
  }

  /** The text streamed so far, unless the answer has ended or another node owns it now. */
  static final class SavePartial extends AnswerWrite {
    private final String id;
    private final String text;
    private final String owner;

    SavePartial(String id, String text, String owner) {
      this.id = id;
      this.text = text;
      this.owner = owner;
    }

    @Override
    boolean run(Connection c, LocalDateTime now) throws SQLException {
      try (PreparedStatement save =
          c.prepareStatement(
              "UPDATE chat_message SET content = ?, updated_at = ?"
                  + " WHERE id = ? AND status = 'STREAMING' AND owner_node = ?")) {
        save.setString(1, text);
        save.setObject(2, now);
        save.setString(3, id);
        save.setString(4, owner);
        return save.executeUpdate() == 1;
      }
    }
  }

  /** The completed answer, unless it has ended otherwise or another node owns it now. */
  static final class Complete extends AnswerWrite {
    private final String id;
    private final AnswerRecord answer;
    private final String owner;

    Complete(String id, AnswerRecord answer, String owner) {
      this.id = id;
      this.answer = answer;
      this.owner = owner;
    }

    @Override
    boolean run(Connection c, LocalDateTime now) throws SQLException {
      try (PreparedStatement done =
          c.prepareStatement(
              "UPDATE chat_message SET content = ?, status = 'COMPLETED', model_answered = ?,"
                  + " input_tokens = ?, output_tokens = ?, cached_tokens = ?, cost_usd = ?,"
                  + " time_to_first_token_ms = ?, total_time_ms = ?, attempts = ?, updated_at = ?"
                  + " WHERE id = ? AND status = 'STREAMING' AND owner_node = ?")) {
        done.setString(1, answer.content());
        done.setString(2, answer.model());
        setInt(done, 3, answer.inputTokens());
        setInt(done, 4, answer.outputTokens());
        setInt(done, 5, answer.cachedTokens());
        if (answer.costUsd() == null) {
          done.setNull(6, Types.NUMERIC);
        } else {
          done.setBigDecimal(6, answer.costUsd());
        }
        setLong(done, 7, answer.timeToFirstTokenMs());
        setLong(done, 8, answer.totalTimeMs());
        done.setString(9, answer.attempts());
        done.setObject(10, now);
        done.setString(11, id);
        done.setString(12, owner);
        return done.executeUpdate() == 1;
      }
    }

    private static void setInt(PreparedStatement s, int i, Integer value) throws SQLException {
      if (value == null) {
        s.setNull(i, Types.INTEGER);
      } else {
        s.setInt(i, value);
      }
    }

    private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
      if (value == null) {
        s.setNull(i, Types.BIGINT);
      } else {
        s.setLong(i, value);
      }
    }
  }
}
