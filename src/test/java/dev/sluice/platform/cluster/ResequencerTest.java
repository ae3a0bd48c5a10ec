package dev.sluice.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResequencerTest {

  private static final long HOLD = 1_000_000_000L;
  private final Resequencer resequencer = new Resequencer(HOLD);

  @Test
  void aMessageThatCameEarlyWaitsForTheOneBeforeIt() {
    assertThat(sequences(resequencer.accept(message("a", 1), 0))).containsExactly(1L);
    assertThat(resequencer.accept(message("a", 3), 10)).isEmpty();
    assertThat(sequences(resequencer.accept(message("a", 2), 20))).containsExactly(2L, 3L);
  }

  @Test
  void aMissingMessageIsGivenUpAfterTheHold() {
    resequencer.accept(message("a", 1), 0);
    resequencer.accept(message("a", 3), 10);

    assertThat(resequencer.expire(10 + HOLD - 1)).isEmpty();
    assertThat(sequences(resequencer.expire(10 + HOLD))).containsExactly(3L);
    assertThat(resequencer.accept(message("a", 2), 20 + HOLD)).as("too late").isEmpty();
  }

  @Test
  void nodesSilentForAnHourAreForgottenAndTakenUpAgainWhereTheyStand() {
    resequencer.accept(message("gone", 1), 0);
    resequencer.accept(message("live", 1), 0);
    resequencer.accept(message("live", 2), Resequencer.FORGET_AFTER_NANOS / 2);
    long later = Resequencer.FORGET_AFTER_NANOS + 1;
    assertThat(resequencer.accept(message("live", 4), later)).as("still waits for 3").isEmpty();

    assertThat(resequencer.nodesTracked()).isEqualTo(1);
    assertThat(sequences(resequencer.accept(message("gone", 7), later + 1))).containsExactly(7L);
  }

  private static BusMessage message(String origin, long sequence) {
    return new BusMessage(origin, sequence, List.of());
  }

  private static List<Long> sequences(List<BusMessage> messages) {
    return messages.stream().map(BusMessage::sequence).toList();
  }
}
