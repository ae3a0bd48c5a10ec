package dev.sluice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuietMachineTest {

  @Test
  void readsBusyAndIdleTicksOfAllCpus() {
    var ticks = QuietMachine.Ticks.parse("cpu  100 5 50 800 40 3 2 0 7 0").orElseThrow();
    // busy: user 100 + nice 5 + system 50 + irq 3 + softirq 2 + steal 0; idle 800 + iowait 40.
    assertEquals(160, ticks.busy());
    assertEquals(1000, ticks.total());
  }

  @Test
  void busyShareIsTheBusyPartOfTheTimeBetweenTwoReadings() {
    var before = new QuietMachine.Ticks(100, 1000);
    var after = new QuietMachine.Ticks(150, 1200);
    assertEquals(0.25, after.busyShareSince(before), 1e-9);
    assertEquals(0, before.busyShareSince(before));
  }

  @Test
  void refusesWhatIsNotTheAllCpusLine() {
    assertTrue(QuietMachine.Ticks.parse("cpu0 1 2 3 4 5 6 7").isEmpty());
    assertTrue(QuietMachine.Ticks.parse("cpu 1 2 x 4 5 6 7").isEmpty());
    assertTrue(QuietMachine.Ticks.parse("cpu 1 2").isEmpty());
  }
}
