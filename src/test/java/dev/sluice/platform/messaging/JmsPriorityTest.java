package dev.sluice.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Priority;
import org.junit.jupiter.api.Test;

class JmsPriorityTest {

  @Test
  void chatPrioritiesMapToDescendingJmsPriorities() {
    assertThat(JmsPriority.of(Priority.URGENT)).isEqualTo(9);
    assertThat(JmsPriority.of(Priority.HIGH)).isEqualTo(7);
    assertThat(JmsPriority.of(Priority.NORMAL)).isEqualTo(5);
    assertThat(JmsPriority.of(Priority.LOW)).isEqualTo(3);
  }

  @Test
  void everyPriorityIsAValidJmsPriority() {
    for (Priority priority : Priority.values()) {
      assertThat(JmsPriority.of(priority)).isBetween(0, 9);
    }
  }
}
