package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.admission.Lane;
import dev.sluice.admission.LaneLimit;
import dev.sluice.admission.LaneOverride;
import dev.sluice.admission.service.AdmissionGate;
import dev.sluice.admission.service.LaneOverrideRepository;
import dev.sluice.testing.Poll;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container: an override written to the table by another server (here: straight through
 * the repository, past this server's cache) reaches this server's live lane within the periodic
 * refresh, and so does its removal.
 */
@ExtendWith(ArquillianExtension.class)
class LaneSettingsRefreshIT {

  private static final String LANE = "simulated/sim-small";

  /**
   * The refresh runs every {@code sluice.admission.settings-refresh} (10 s); allow it two turns and
   * some, however {@link Poll#WITHIN} changes.
   */
  private static final Duration REFRESH_WITHIN = Duration.ofSeconds(30);

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.withTests();
  }

  @Inject AdmissionGate gate;
  @Inject LaneOverrideRepository repository;

  @Test
  void anOverrideWrittenElsewhereReachesTheLiveLaneAndSoDoesItsRemoval() throws Exception {
    Lane lane = gate.laneFor("sim-small");
    assertEquals(LANE, lane.name());
    int configured = gate.configuredSettings(LANE).maxInFlight();
    int elsewhere = configured + 3;
    try {
      repository.save(
          new LaneOverride(
              LANE,
              Map.of(LaneLimit.MAX_IN_FLIGHT, (long) elsewhere),
              Instant.now(),
              "another-server"));
      awaitMaxInFlight(lane, elsewhere);
      assertEquals(elsewhere, gate.effectiveSettings(LANE).maxInFlight());

      assertTrue(repository.delete(LANE));
      awaitMaxInFlight(lane, configured);
      assertEquals(configured, gate.effectiveSettings(LANE).maxInFlight());
    } finally {
      repository.delete(LANE);
    }
  }

  private static void awaitMaxInFlight(Lane lane, int expected) {
    Poll.untilTrue(
        REFRESH_WITHIN,
        () -> lane.snapshot().maxInFlight() == expected,
        () ->
            "the periodic refresh to set the live lane's maxInFlight to "
                + expected
                + "; it is "
                + lane.snapshot().maxInFlight());
  }
}
