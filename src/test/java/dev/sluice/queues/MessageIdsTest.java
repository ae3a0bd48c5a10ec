package dev.sluice.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageIdsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ID:5c3f0d2a8e1b4c7d9f00112233445566", // Liberty's embedded engine: hex
        "ID:8f14e45f-ceea-467f-a0e3-1b2c3d4e5f60", // Artemis: a UUID
        "ID:queue.host_1:42"
      })
  void acceptsProviderIds(String id) {
    assertThat(MessageIds.checked(id)).isEqualTo(id);
  }

  @Test
  void buildsASelectorMatchingExactlyThatId() {
    assertThat(MessageIds.selector("ID:abc123")).isEqualTo("JMSMessageID = 'ID:abc123'");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "ID:",
        "abc123",
        "id:abc123",
        "ID:abc' OR '1'='1",
        "ID:abc'",
        "ID:a b",
        "ID:abc\nJMSPriority > 0",
        "ID:abc%27",
        "ID:é"
      })
  void refusesAnythingElseNamingMessageId(String raw) {
    assertThatThrownBy(() -> MessageIds.checked(raw))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors().get(0).field()).isEqualTo("messageId");
            });
  }

  @Test
  void refusesOverlongIds() {
    assertThatThrownBy(() -> MessageIds.checked("ID:" + "a".repeat(121)))
        .isInstanceOf(ProblemException.class);
    assertThat(MessageIds.checked("ID:" + "a".repeat(120))).hasSize(123);
  }

  @Test
  void aSelectorIsNeverBuiltFromAnUncheckedId() {
    assertThatThrownBy(() -> MessageIds.selector("ID:x' OR JMSPriority >= '0"))
        .isInstanceOf(ProblemException.class);
  }
}
