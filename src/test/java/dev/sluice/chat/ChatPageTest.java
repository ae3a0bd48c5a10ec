package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatPageTest {

  private static List<Chat> chats(int count) {
    List<Chat> chats = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Clock clock =
          Clock.fixed(Instant.parse("2026-11-22T10:00:00Z").minusSeconds(i), ZoneOffset.UTC);
      chats.add(Chat.start("ana", new ChatDraft("chat " + i, "sim-large", null), clock));
    }
    return chats;
  }

  @Test
  void aShortReadIsTheLastPage() {
    ChatPage page = ChatPage.of(chats(3), 3);

    assertThat(page.items()).hasSize(3);
    assertThat(page.next()).isNull();
  }

  @Test
  void theExtraRowOnlySignalsAnotherPage() {
    List<Chat> rows = chats(4);

    ChatPage page = ChatPage.of(rows, 3);

    assertThat(page.items()).containsExactlyElementsOf(rows.subList(0, 3));
    assertThat(page.next()).isEqualTo(rows.get(2).cursor());
  }

  @Test
  void anEmptyReadIsAnEmptyLastPage() {
    ChatPage page = ChatPage.of(List.of(), 20);

    assertThat(page.items()).isEmpty();
    assertThat(page.next()).isNull();
  }

  @Test
  void timestampsAreKeptToTheMicrosecondSoCursorsMatchStoredRows() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00.123456789Z"), ZoneOffset.UTC);

    Chat chat = Chat.start("ana", new ChatDraft("t", "sim-large", null), clock);

    assertThat(chat.updatedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00.123456Z"));
    assertThat(chat.cursor().key().getNano()).isEqualTo(123_456_000);
  }
}
