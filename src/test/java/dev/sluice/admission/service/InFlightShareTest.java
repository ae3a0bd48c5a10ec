package dev.sluice.admission.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightShareTest {

  @Test
  void theNodesTogetherNeverHaveMoreInFlightThanTheClustersLimit() {
    for (int max = 1; max <= 64; max++) {
      for (int nodes = 1; nodes <= max; nodes++) {
        assertThat((long) AdmissionGate.inFlightShare(max, nodes) * nodes).isLessThanOrEqualTo(max);
      }
    }
    assertThat(AdmissionGate.inFlightShare(16, 3)).isEqualTo(5);
    assertThat(AdmissionGate.inFlightShare(16, 1)).isEqualTo(16);
  }

  @Test
  void everyNodeMayHaveOneCallInFlightHoweverManyNodes() {
    assertThat(AdmissionGate.inFlightShare(2, 3)).isEqualTo(1);
    assertThat(AdmissionGate.inFlightShare(16, 0)).isEqualTo(16);
  }
}
