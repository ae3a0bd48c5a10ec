package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a streaming answer's partial text is saved. */
class SaveCadenceTest {

  private static final long MS = 1_000_000L;

  /** The chunks (1-based) that were due, for chunks arriving every {@code gapMs} from 0. */
  private static List<Integer> saved(SaveCadence cadence, int chunks, long gapMs) {
    List<Integer> due = new ArrayList<>();
    for (int i = 1; i <= chunks; i++) {
      if (cadence.due(i * gapMs * MS)) {
        due.add(i);
      }
    }
    return due;
  }

  @Test
  void byTimeAloneAFastStreamIsSavedNoMoreOftenThanASlowOne() {
    // 64 chunks: 20 ms apart (1.28 s), then 2 ms apart (a fast model), against a 2 s cadence.
    assertThat(saved(new SaveCadence(0, Duration.ofSeconds(2), 0), 64, 20)).containsExactly(1);
    assertThat(saved(new SaveCadence(0, Duration.ofSeconds(2), 0), 64, 2)).containsExactly(1);
  }

  @Test
  void aLongStreamIsSavedOnceEachPeriodAfterItsFirstChunk() {
    // 300 chunks 20 ms apart: 6 s; saved at 20 ms, then at 2.02 s and 4.02 s.
    assertThat(saved(new SaveCadence(0, Duration.ofSeconds(2), 0), 300, 20))
        .containsExactly(1, 101, 201);
  }

  @Test
  void aChunkCountAboveZeroAddsSavesEverySoManyChunks() {
    assertThat(saved(new SaveCadence(32, Duration.ofSeconds(2), 0), 64, 20)).containsExactly(1, 33);
  }

  @Test
  void theFirstChunkIsSavedEvenWhenItComesAtOnce() {
    SaveCadence cadence = new SaveCadence(0, Duration.ofSeconds(2), 5 * MS);

    assertThat(cadence.due(5 * MS)).isTrue();
    assertThat(cadence.due(6 * MS)).isFalse();
  }

  @Test
  void theClockCountsFromTheLastSaveNotTheStart() {
    SaveCadence cadence = new SaveCadence(0, Duration.ofMillis(100), 0);

    assertThat(cadence.due(90 * MS)).as("first chunk").isTrue();
    assertThat(cadence.due(150 * MS)).as("60 ms after the last save").isFalse();
    assertThat(cadence.due(190 * MS)).as("100 ms after it").isTrue();
  }
}
