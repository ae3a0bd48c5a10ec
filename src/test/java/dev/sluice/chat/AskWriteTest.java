package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Priority;
import dev.sluice.platform.database.MigratedH2;
import dev.sluice.platform.messaging.JobWakeup;
import dev.sluice.platform.messaging.NamedKind;
import dev.sluice.platform.messaging.TestOutboxes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A question's write against H2 with the real migrations: what it writes when the chat is the
 * caller's, and that a refusal writes nothing, not even the chat's activity.
 */
class AskWriteTest {

  private static final LocalDateTime CREATED = LocalDateTime.parse("2026-12-01T10:00:00");
  private static final LocalDateTime NOW = LocalDateTime.parse("2026-12-06T16:00:00");

  private final HeldPlans plans = new HeldPlans(new AtomicLong()::get, 1_000_000);
  private final AskWrite.Parts parts =
      new AskWrite.Parts(
          TestOutboxes.withLease(Duration.ofSeconds(30)),
          new NamedKind(ChatJobRunner.KIND),
          plans,
          Set.of("sim-small", "sim-large")::contains);
  private DataSource dataSource;

  @BeforeEach
  void freshDatabase() throws SQLException {
    dataSource = MigratedH2.fresh();
    DemoChat.insert(dataSource, CREATED);
  }

  @Test
  void aQuestionWritesItselfItsQueuedAnswerAndTheAnswersJob() throws SQLException {
    AskWrite write = ask("demo", "How do locks work?", null);

    assertThat(apply(write)).isTrue();

    PostedMessages posted = write.posted();
    assertThat(
            rows(
                "SELECT id, seq, role, status, model_requested, priority FROM chat_message"
                    + " ORDER BY seq"))
        .containsExactly(
            List.of(posted.question().id(), "1", "USER", "COMPLETED", "null", "NORMAL"),
            List.of(posted.answer().id(), "2", "ASSISTANT", "QUEUED", "sim-large", "NORMAL"));
    assertThat(rows("SELECT kind, work_id, jms_priority FROM job_outbox"))
        .containsExactly(List.of("chat", posted.answer().id(), "5"));
    assertThat(write.wakeup()).isEqualTo(new JobWakeup(parts.kind(), posted.answer().id(), 5));
    assertThat(rows("SELECT updated_at FROM chat")).containsExactly(List.of(NOW.toString()));
    JobPlan plan = plans.take(posted.answer().id()).orElseThrow().plan();
    assertThat(plan.history()).extracting(m -> m.text()).containsExactly("How do locks work?");
    assertThat(plan.systemPrompt()).isEqualTo("Be brief.");
    assertThat(plan.model()).isEqualTo("sim-large");
  }

  @Test
  void theNextQuestionFollowsAndItsPlanLeavesTheFirstAnswerStillQueuedToDelivery()
      throws SQLException {
    AskWrite first = ask("demo", "one", null);
    apply(first);
    AskWrite second = ask("demo", "two", "sim-small");

    assertThat(apply(second)).isTrue();

    assertThat(second.posted().question().seq()).isEqualTo(3);
    assertThat(second.posted().answer().seq()).isEqualTo(4);
    assertThat(second.posted().answer().modelRequested()).isEqualTo("sim-small");
    KeptPlan kept = plans.take(second.posted().answer().id()).orElseThrow();
    assertThat(kept.unsettledIds()).containsExactly(first.posted().answer().id());
    assertThat(kept.plan().history()).extracting(m -> m.text()).containsExactly("one", "", "two");
  }

  @Test
  void aChatThatIsNotTheCallersIsNotFoundAndNothingIsWritten() throws SQLException {
    AskWrite write = ask("demo2", "Let me in", null);

    assertThat(apply(write)).isFalse();

    assertThat(write.refusal().problem().status()).isEqualTo(404);
    assertThat(write.wakeup()).as("nothing to wake").isNull();
    assertNothingWritten();
  }

  @Test
  void anAdminMayAskInAnyChat() throws SQLException {
    assertThat(apply(ask(null, "An admin's question", null))).isTrue();
  }

  @Test
  void aChatWhoseModelLeftTheCatalogIsRefusedNamingTheModel() throws SQLException {
    sql("UPDATE chat SET model = 'retired-model' WHERE id = 'c1'");
    AskWrite write = ask("demo", "Still there?", null);

    assertThat(apply(write)).isFalse();

    assertThat(write.refusal().problem().status()).isEqualTo(400);
    assertThat(write.refusal().problem().errors())
        .extracting(e -> e.field())
        .containsExactly("model");
    assertNothingWritten();
  }

  private AskWrite ask(String onlyOwner, String content, String model) {
    return new AskWrite(
        new AskWrite.Question("c1", onlyOwner, content, Priority.NORMAL, model), parts);
  }

  /** Applies the write in a transaction of its own, as a batch of one; its outcome. */
  private boolean apply(AskWrite write) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      write.apply(c, NOW);
      c.commit();
    }
    write.committed();
    return write.future().join();
  }

  private void assertNothingWritten() throws SQLException {
    assertThat(rows("SELECT id FROM chat_message")).isEmpty();
    assertThat(rows("SELECT work_id FROM job_outbox")).isEmpty();
    assertThat(rows("SELECT updated_at FROM chat")).containsExactly(List.of(CREATED.toString()));
  }

  private void sql(String statement, Object... values) throws SQLException {
    MigratedH2.update(dataSource, statement, values);
  }

  private List<List<String>> rows(String query) throws SQLException {
    return MigratedH2.rows(dataSource, query);
  }
}
