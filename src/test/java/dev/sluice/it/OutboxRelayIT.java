package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Inside the container: a chat job written to the outbox but never put on the queue (the server
 * stopped between the commit and the send) is sent by the relay's sweep, and its answer completes.
 * The test server sweeps every 2 s (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class OutboxRelayIT {

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.war().addClasses(OutboxRelayIT.class, AnswerRows.class);
  }

  @Inject ChatRepository chats;
  @Inject ChatJobStore store;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Test
  void aJobLeftUnsentInTheOutboxIsSentAndItsAnswerCompletes() throws Exception {
    ChatMessage answer =
        AnswerRows.write(
            chats, "[sim:tokens=6] Hello outbox", MessageStatus.QUEUED, "", Clock.systemUTC());
    writeOutboxRow(answer.id());
    assertFalse(dispatched(answer.id()));

    ChatMessage done = AnswerRows.await(store, answer.id(), MessageStatus.COMPLETED);

    assertFalse(done.content().isBlank());
    assertTrue(dispatched(answer.id()), "the relay marked the job sent");
  }

  /** The outbox row the asking transaction writes, with no send after it. */
  private void writeOutboxRow(String messageId) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO chat_job_outbox (message_id, priority, created_at)"
                    + " VALUES (?, 'HIGH', ?)")) {
      statement.setString(1, messageId);
      statement.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
      statement.executeUpdate();
    }
  }

  private boolean dispatched(String messageId) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT dispatched_at FROM chat_job_outbox WHERE message_id = ?")) {
      statement.setString(1, messageId);
      try (ResultSet rows = statement.executeQuery()) {
        assertTrue(rows.next(), "the outbox row exists");
        return rows.getTimestamp(1) != null;
      }
    }
  }
}
