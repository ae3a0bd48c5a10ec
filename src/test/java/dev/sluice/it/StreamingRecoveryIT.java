package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.chat.ChatJobStore;
import dev.sluice.chat.ChatMessage;
import dev.sluice.chat.ChatRepository;
import dev.sluice.chat.MessageStatus;
import dev.sluice.chat.StreamingRecovery;
import dev.sluice.llm.TokenCounter;
import dev.sluice.platform.cluster.ClusterNode;
import dev.sluice.testing.Poll;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container: the recovery of orphaned answers (streaming, owned by no node that is up)
 * ends one with saved text as interrupted, keeping the text; asks again one that had been claimed
 * but had saved nothing, which then completes; records each cut call as an interrupted generation;
 * and leaves alone an answer that this node, which is up, streams now.
 */
@ExtendWith(ArquillianExtension.class)
class StreamingRecoveryIT {

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.withTests();
  }

  @Inject ChatRepository chats;
  @Inject ChatJobStore store;
  @Inject StreamingRecovery recovery;
  @Inject ClusterNode node;
  @Inject MetricRegistry metrics;
  @Inject UserTransaction tx;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Test
  void anAnswerLeftStreamingByAnEarlierRunIsInterruptedKeepingItsText() throws Exception {
    // Written an hour ago: the last partial save of a server that has stopped since.
    Clock earlier = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
    ChatMessage left =
        AnswerRows.write(
            chats, "Tell me a story", MessageStatus.STREAMING, "Once upon a time", earlier);
    ChatMessage live =
        AnswerRows.write(
            chats, "Tell me another", MessageStatus.STREAMING, "Long ago", Clock.systemUTC());
    ownedBy(left.id(), "a-node-that-ended-long-ago");
    ownedBy(live.id(), node.id());
    long interruptedBefore = interrupted();
    try {
      recovery.recoverOrphans();

      ChatMessage after = store.find(left.id()).orElseThrow();
      assertEquals(MessageStatus.INTERRUPTED, after.status());
      assertEquals("Once upon a time", after.content());
      assertEquals("SERVER_STOPPED", after.errorCode());
      assertEquals("the server stopped while this answer was streaming", after.errorMessage());
      assertTrue(after.updatedAt().isAfter(left.updatedAt()));
      // At least one: answers left by earlier runs may be ended by the same pass.
      assertTrue(interrupted() - interruptedBefore >= 1);

      ChatMessage untouched = store.find(live.id()).orElseThrow();
      assertEquals(MessageStatus.STREAMING, untouched.status());
      assertEquals("Long ago", untouched.content());
      assertEquals(0, recovery.recoverOrphans(), "a second pass finds nothing left");
      assertEquals(
          "INTERRUPTED " + TokenCounter.instance().count("Once upon a time"),
          Poll.until(() -> generation(left.id()), () -> "its cut call's record"));
    } finally {
      // Streaming "now" only for this test: gone, so no later start finds it left over.
      tx.begin();
      chats.delete(chats.find(live.chatId()).orElseThrow());
      tx.commit();
    }
  }

  @Test
  void anAnswerClaimedButNotYetStreamingWhenTheServerStoppedIsAskedAgain() throws Exception {
    Clock earlier = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
    ChatMessage left =
        AnswerRows.write(chats, "[sim:tokens=5] Hello again", MessageStatus.STREAMING, "", earlier);

    // Claimed before nodes existed: no owner at all.
    recovery.recoverOrphans();

    ChatMessage done = AnswerRows.await(store, left.id(), MessageStatus.COMPLETED);
    assertFalse(done.content().isBlank());
    assertEquals(
        "INTERRUPTED 0", Poll.until(() -> generation(left.id()), () -> "its cut call's record"));
  }

  /** Sets the answer's owner, as a claim by that node would have. */
  private void ownedBy(String answerId, String nodeId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("UPDATE chat_message SET owner_node = ? WHERE id = ?")) {
      statement.setString(1, nodeId);
      statement.setString(2, answerId);
      assertEquals(1, statement.executeUpdate());
    }
  }

  /** "STATUS output_tokens" of the answer's interrupted call record, once written. */
  private Optional<String> generation(String answerId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT status, output_tokens FROM generation WHERE reference = ?"
                    + " AND status = 'INTERRUPTED'")) {
      statement.setString(1, answerId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next()
            ? Optional.of(rows.getString(1) + " " + rows.getInt(2))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private long interrupted() {
    var counter =
        metrics
            .getCounters()
            .get(new MetricID("sluice.chat.jobs", new Tag("outcome", "interrupted")));
    return counter == null ? 0 : counter.getCount();
  }
}
