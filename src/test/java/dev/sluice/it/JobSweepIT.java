package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sluice.chat.ChatJobStore;
import dev.sluice.chat.ChatMessage;
import dev.sluice.chat.ChatRepository;
import dev.sluice.chat.MessageStatus;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container: a chat job whose wake-up was lost (written to the job outbox, no message
 * sent: dropped on purpose, as a messaging engine that stopped would drop it) is woken by the
 * outbox sweep once its lease has run out, and its answer completes; its claim removes the job from
 * the outbox. The test server sweeps every second with a 2 s lease (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class JobSweepIT {

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.withTests();
  }

  @Inject ChatRepository chats;
  @Inject ChatJobStore store;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Test
  void aJobWhoseWakeUpWasLostIsWokenBySweepAndItsAnswerCompletes() throws Exception {
    ChatMessage answer =
        AnswerRows.write(
            chats, "[sim:tokens=6] Hello outbox", MessageStatus.QUEUED, "", Clock.systemUTC());
    writeOutboxRow(answer.id());
    assertEquals(1, outboxRows(answer.id()));

    ChatMessage done = AnswerRows.await(store, answer.id(), MessageStatus.COMPLETED);

    assertFalse(done.content().isBlank());
    assertEquals(0, outboxRows(answer.id()), "the claim removed the job from the outbox");
  }

  /** The outbox row the asking transaction writes, with no wake-up after it. */
  private void writeOutboxRow(String messageId) throws Exception {
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO job_outbox (kind, work_id, jms_priority, created_at, wake_at)"
                    + " VALUES ('chat', ?, 7, ?, ?)")) {
      statement.setString(1, messageId);
      statement.setTimestamp(2, now);
      statement.setTimestamp(3, now);
      statement.executeUpdate();
    }
  }

  private int outboxRows(String messageId) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM job_outbox WHERE kind = 'chat' AND work_id = ?")) {
      statement.setString(1, messageId);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
