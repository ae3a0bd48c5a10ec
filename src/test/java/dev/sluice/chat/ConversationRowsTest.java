package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Priority;
import dev.sluice.platform.database.MigratedH2;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A queued answer's plan read over plain JDBC against H2 with the real migrations: the conversation
 * as the prompt should carry it, and nothing for an answer that is not queued.
 */
class ConversationRowsTest {

  private static final LocalDateTime AT = LocalDateTime.parse("2026-12-06T16:00:00");

  private DataSource dataSource;

  @BeforeEach
  void freshDatabase() throws SQLException {
    dataSource = MigratedH2.fresh();
    DemoChat.insert(dataSource, AT);
    message("q1", 1, "USER", "COMPLETED", "What is a lock?", null);
    message("a1", 2, "ASSISTANT", "COMPLETED", "A first answer.", null);
    message("a1b", 3, "ASSISTANT", "COMPLETED", "A better answer.", 2);
    message("q2", 4, "USER", "COMPLETED", "And a latch?", null);
    message("a2", 5, "ASSISTANT", "FAILED", "Half an ans", null);
    message("a2b", 6, "ASSISTANT", "QUEUED", "", 5);
    message("q3", 7, "USER", "COMPLETED", "Asked after it.", null);
    message("a3", 8, "ASSISTANT", "QUEUED", "", null);
  }

  @Test
  void aQueuedAnswersPlanCarriesTheConversationThatStandsUpToIt() throws SQLException {
    JobPlan plan = plan("a2b").orElseThrow();

    assertThat(plan.owner()).isEqualTo("demo");
    assertThat(plan.chatId()).isEqualTo("c1");
    assertThat(plan.messageId()).isEqualTo("a2b");
    assertThat(plan.systemPrompt()).isEqualTo("Be brief.");
    assertThat(plan.model()).isEqualTo("sim-small");
    assertThat(plan.priority()).isEqualTo(Priority.HIGH);
    assertThat(plan.history())
        .extracting(m -> m.role().name() + ":" + m.text())
        .containsExactly("USER:What is a lock?", "ASSISTANT:A better answer.", "USER:And a latch?");
  }

  @Test
  void anAnswerThatIsNotQueuedOrIsUnknownHasNoPlan() throws SQLException {
    assertThat(plan("a1")).isEmpty();
    assertThat(plan("a2")).isEmpty();
    assertThat(plan("nowhere")).isEmpty();
  }

  @Test
  void aPlanKeptAtTheQuestionAndSettledAtDeliveryIsTheOneReadThen() throws SQLException {
    KeptPlan kept;
    try (Connection c = dataSource.getConnection()) {
      kept = KeptPlan.of("demo", "c1", "Be brief.", ConversationRows.all(c, "c1"));
    }
    assertThat(kept.unsettledIds()).as("a2b was queued at a3's question").containsExactly("a2b");

    sql("UPDATE chat_message SET status = 'COMPLETED', content = 'The latch.' WHERE id = 'a2b'");

    assertThat(settle(kept)).isEqualTo(plan("a3")).isPresent();
    assertThat(settle(kept).orElseThrow().history())
        .extracting(m -> m.text())
        .containsExactly(
            "What is a lock?", "A better answer.", "And a latch?", "The latch.", "Asked after it.");
    sql("DELETE FROM chat_message WHERE id = 'a2b'");
    assertThat(settle(kept)).isEmpty();
  }

  @Test
  void aChatsMessagesAreReadInSeqOrderWithWhatTheirPromptsNeed() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      assertThat(ConversationRows.all(c, "c1"))
          .extracting(m -> m.id() + "/" + m.seq() + "/" + m.replacesSeq())
          .containsExactly(
              "q1/1/null",
              "a1/2/null",
              "a1b/3/2",
              "q2/4/null",
              "a2/5/null",
              "a2b/6/5",
              "q3/7/null",
              "a3/8/null");
      assertThat(ConversationRows.all(c, "no-such-chat")).isEmpty();
    }
  }

  private Optional<JobPlan> settle(KeptPlan kept) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return kept.settle(ConversationRows.byId(c, kept.unsettledIds()));
    }
  }

  private Optional<JobPlan> plan(String answerId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return ConversationRows.plan(c, answerId);
    }
  }

  private void message(
      String id, int seq, String role, String status, String content, Integer replaces)
      throws SQLException {
    boolean answer = role.equals("ASSISTANT");
    sql(
        "INSERT INTO chat_message (id, chat_id, seq, role, content, status, model_requested,"
            + " priority, replaces_seq, created_at, updated_at)"
            + " VALUES (?, 'c1', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        seq,
        role,
        content,
        status,
        answer ? "sim-small" : null,
        "HIGH",
        replaces,
        AT,
        AT);
  }

  private void sql(String statement, Object... values) throws SQLException {
    MigratedH2.update(dataSource, statement, values);
  }
}
