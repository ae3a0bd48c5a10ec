package dev.sluice.queues;

import static dev.sluice.queues.FakeMessages.browser;
import static dev.sluice.queues.FakeMessages.withPriority;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DepthTest {

  @Test
  void countsEveryMessageByPriorityBelowTheCap() throws Exception {
    List<Message> messages =
        List.of(withPriority(4), withPriority(9), withPriority(4), withPriority(4));

    Depth depth = Depth.count(browser(messages), 10);

    assertThat(depth.count()).isEqualTo(4);
    assertThat(depth.capped()).isFalse();
    assertThat(depth.byPriorityNames()).containsExactly(Map.entry("4", 3), Map.entry("9", 1));
  }

  @Test
  void stopsAtTheCapAndSaysSo() throws Exception {
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      messages.add(withPriority(i % 2 == 0 ? 5 : 1));
    }

    Depth depth = Depth.count(browser(messages), 10);

    assertThat(depth.count()).isEqualTo(10);
    assertThat(depth.capped()).isTrue();
    assertThat(depth.byPriority().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(10);
  }

  @Test
  void exactlyTheCapIsNotCapped() throws Exception {
    Depth depth = Depth.count(browser(List.of(withPriority(5), withPriority(5))), 2);

    assertThat(depth.count()).isEqualTo(2);
    assertThat(depth.capped()).isFalse();
  }

  @Test
  void aBundleCountsForEveryJobItWakes() throws Exception {
    List<Message> messages =
        List.of(
            FakeMessages.text("ID:1", "a\nb\nc", 7, 1, null),
            withPriority(7),
            FakeMessages.text("ID:2", "d\ne", 4, 1, null),
            FakeMessages.bytes("ID:3", 4, 1));

    Depth depth = Depth.count(browser(messages), 10);

    assertThat(depth.count()).isEqualTo(7);
    assertThat(depth.byPriorityNames()).containsExactly(Map.entry("4", 3), Map.entry("7", 4));
  }

  @Test
  void anEmptyQueueHasNoPriorities() throws Exception {
    Depth depth = Depth.count(browser(List.of()), 10);

    assertThat(depth.count()).isZero();
    assertThat(depth.capped()).isFalse();
    assertThat(depth.byPriorityNames()).isEmpty();
  }
}
