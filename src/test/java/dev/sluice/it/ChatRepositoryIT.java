package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.admission.Priority;
import dev.sluice.chat.Chat;
import dev.sluice.chat.ChatDraft;
import dev.sluice.chat.ChatMessage;
import dev.sluice.chat.ChatPage;
import dev.sluice.chat.ChatRepository;
import dev.sluice.chat.MessageRole;
import dev.sluice.chat.MessageStatus;
import dev.sluice.platform.rest.PageCursor;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container (JUnit assertions only: AssertJ is not in the WAR): Flyway's schema and the
 * JPA mapping on the configured database (H2 or PostgreSQL), through {@link ChatRepository} in real
 * JTA transactions.
 */
@ExtendWith(ArquillianExtension.class)
class ChatRepositoryIT {

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.withTests();
  }

  @Inject ChatRepository chats;

  @Inject UserTransaction tx;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  /** The database keeps rows between runs: every test works on owners of its own. */
  private static String owner(String name) {
    return name + "-" + UUID.randomUUID();
  }

  private static Chat chatAt(String owner, String title, Instant at) {
    return Chat.start(
        owner, new ChatDraft(title, "sim-large", null), Clock.fixed(at, ZoneOffset.UTC));
  }

  @Test
  void flywayRecordedTheMigrationInTheDefaultSchema() throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT \"success\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'")) {
      assertTrue(rows.next(), "V1 is in the history");
      assertTrue(rows.getBoolean(1), "V1 succeeded");
    }
  }

  @Test
  void pagesOneOwnersChatsNewestFirstWithTheKeysetCursor() throws Exception {
    String ana = owner("ana");
    String bob = owner("bob");
    Instant t0 = Instant.parse("2026-11-22T10:00:00.000001Z");
    List<Chat> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(chatAt(ana, "ana " + i, t0.plusSeconds(i)));
    }
    // Two chats with the same instant: the id breaks the tie, so neither is lost or repeated.
    created.add(chatAt(ana, "ana same 1", t0.plusSeconds(2)));
    inTransaction(
        () -> {
          created.forEach(chats::add);
          chats.add(chatAt(bob, "bob 0", t0.plusSeconds(10)));
          chats.add(chatAt(bob, "bob 1", t0.plusSeconds(3)));
          return null;
        });

    List<String> seen = new ArrayList<>();
    PageCursor<LocalDateTime> after = null;
    int pages = 0;
    do {
      PageCursor<LocalDateTime> from = after;
      ChatPage page = inTransaction(() -> ChatPage.of(chats.ownedBy(ana, from, 3), 2));
      page.items().forEach(c -> assertEquals(ana, c.owner()));
      page.items().forEach(c -> seen.add(c.id()));
      after = page.next();
      pages++;
    } while (after != null && pages < 10);

    List<String> expected =
        created.stream()
            .sorted(Comparator.comparing(Chat::updatedAt).thenComparing(Chat::id).reversed())
            .map(Chat::id)
            .toList();
    assertEquals(expected, seen);
    assertEquals(3, pages);
  }

  @Test
  void deletingAChatDeletesItsMessages() throws Exception {
    Chat chat = chatAt(owner("cleo"), "to delete", Instant.now());
    inTransaction(
        () -> {
          chats.add(chat);
          addMessage(chat, MessageRole.USER, "Tell me about rivers", MessageStatus.COMPLETED);
          addMessage(chat, MessageRole.ASSISTANT, "Rivers ".repeat(20_000), MessageStatus.QUEUED);
          return null;
        });

    List<ChatMessage> stored = inTransaction(() -> chats.messagesOf(chat.id()));
    assertEquals(List.of(1, 2), stored.stream().map(ChatMessage::seq).toList());
    assertEquals(140_000, stored.get(1).content().length());
    assertEquals("sim-large", stored.get(1).modelRequested());
    assertEquals(Priority.NORMAL, stored.get(1).priority());

    inTransaction(
        () -> {
          chats.delete(chats.find(chat.id()).orElseThrow());
          return null;
        });

    assertTrue(inTransaction(() -> chats.find(chat.id())).isEmpty());
    assertTrue(inTransaction(() -> chats.messagesOf(chat.id())).isEmpty());
    assertEquals(
        0, countRows("SELECT COUNT(*) FROM chat_message WHERE chat_id = '" + chat.id() + "'"));
  }

  @Test
  void aSequenceNumberIsUsedOnlyOncePerChat() throws Exception {
    Chat chat = chatAt(owner("dan"), "seq", Instant.now());
    inTransaction(
        () -> {
          chats.add(chat);
          addMessage(chat, MessageRole.USER, "first", MessageStatus.COMPLETED);
          return null;
        });

    assertThrows(
        RollbackException.class,
        () ->
            inTransaction(
                () -> {
                  chats.addMessage(
                      ChatMessage.of(
                          chat,
                          1,
                          MessageRole.USER,
                          "again at 1",
                          MessageStatus.COMPLETED,
                          Priority.NORMAL,
                          Clock.systemUTC()));
                  return null;
                }));
    assertEquals(1, inTransaction(() -> chats.messagesOf(chat.id())).size());
  }

  private void addMessage(Chat chat, MessageRole role, String content, MessageStatus status) {
    chats.addMessage(
        ChatMessage.of(
            chat,
            chats.lastSeq(chat.id()) + 1,
            role,
            content,
            status,
            Priority.NORMAL,
            Clock.systemUTC()));
  }

  private int countRows(String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private <T> T inTransaction(Callable<T> work) throws Exception {
    tx.begin();
    try {
      T result = work.call();
      tx.commit();
      return result;
    } catch (Exception | Error e) {
      if (tx.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
        tx.rollback();
      }
      throw e;
    }
  }
}
