package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriorityJmsTest {

  @Test
  void chatPrioritiesMapToDescendingJmsPriorities() {
    assertThat(Priority.URGENT.jmsPriority()).isEqualTo(9);
    assertThat(Priority.HIGH.jmsPriority()).isEqualTo(7);
    assertThat(Priority.NORMAL.jmsPriority()).isEqualTo(5);
    assertThat(Priority.LOW.jmsPriority()).isEqualTo(3);
  }

  @Test
  void everyPriorityIsAValidJmsPriority() {
    for (Priority priority : Priority.values()) {
      assertThat(priority.jmsPriority()).isBetween(0, 9);
    }
  }
}
