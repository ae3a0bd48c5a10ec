package dev.sluice.documents.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.documents.batch.PartitionRanges.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionRangesTest {

  @Test
  void coversEveryItemOnceInNearlyEqualContiguousRanges() {
    List<Range> ranges = PartitionRanges.split(10, 3);

    assertThat(ranges).containsExactly(new Range(1, 4), new Range(5, 7), new Range(8, 10));
  }

  @Test
  void neverMakesMorePartitionsThanItems() {
    assertThat(PartitionRanges.split(2, 8)).containsExactly(new Range(1, 1), new Range(2, 2));
    assertThat(PartitionRanges.split(1, 1)).containsExactly(new Range(1, 1));
  }

  @Test
  void largeSelectionsSplitExactly() {
    List<Range> ranges = PartitionRanges.split(100_003, 16);

    assertThat(ranges).hasSize(16);
    assertThat(ranges.get(0).first()).isEqualTo(1);
    assertThat(ranges.get(15).last()).isEqualTo(100_003);
    for (int i = 1; i < ranges.size(); i++) {
      assertThat(ranges.get(i).first()).isEqualTo(ranges.get(i - 1).last() + 1);
    }
    assertThat(
            ranges.stream().mapToInt(Range::size).max().getAsInt()
                - ranges.stream().mapToInt(Range::size).min().getAsInt())
        .isLessThanOrEqualTo(1);
  }
}
