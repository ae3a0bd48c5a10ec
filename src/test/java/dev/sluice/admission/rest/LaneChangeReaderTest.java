package dev.sluice.admission.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.admission.LaneLimit;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lane change names its limits; every wrong field is named in one 400. */
class LaneChangeReaderTest {

  @Test
  void givenFieldsAreChangesAndAbsentOnesAreNot() {
    Map<LaneLimit, Long> changes =
        LaneChangeReader.read("{\"maxInFlight\": 2, \"tokensPerMinute\": 1e6}");

    assertThat(changes)
        .containsOnly(
            Map.entry(LaneLimit.MAX_IN_FLIGHT, 2L),
            Map.entry(LaneLimit.TOKENS_PER_MINUTE, 1_000_000L));
  }

  @Test
  void nullPutsALimitBackToConfiguration() {
    Map<LaneLimit, Long> changes = LaneChangeReader.read("{\"maxQueued\": null}");

    assertThat(changes).containsKey(LaneLimit.MAX_QUEUED);
    assertThat(changes.get(LaneLimit.MAX_QUEUED)).isNull();
  }

  @Test
  void zeroQueuedIsAllowedButZeroInFlightIsNot() {
    assertThat(LaneChangeReader.read("{\"maxQueued\": 0}")).containsEntry(LaneLimit.MAX_QUEUED, 0L);
    assertThat(fields("{\"maxInFlight\": 0}")).containsExactly("maxInFlight");
  }

  @Test
  void everyWrongFieldIsNamed() {
    assertThat(
            fields(
                "{\"maxInFlight\": 1.5, \"requestsPerMinute\": \"60\", \"tokensPerMinute\": -1,"
                    + " \"maxQueued\": 3000000000, \"maxInflight\": 2}"))
        .containsExactlyInAnyOrder(
            "maxInFlight", "requestsPerMinute", "tokensPerMinute", "maxQueued", "maxInflight");
  }

  @Test
  void aBudgetAboveTheLargestIsRefused() {
    assertThat(fields("{\"requestsPerMinute\": 1000000000001}"))
        .containsExactly("requestsPerMinute");
    assertThat(LaneChangeReader.read("{\"requestsPerMinute\": 1000000000000}"))
        .containsEntry(LaneLimit.REQUESTS_PER_MINUTE, LaneLimit.LARGEST_BUDGET);
  }

  @Test
  void aBodyThatIsNotAnObjectWithALimitIsRefusedAsTheBody() {
    assertThat(fields("{}")).containsExactly("body");
    assertThat(fields("")).containsExactly("body");
    assertThat(fields("[1]")).containsExactly("body");
    assertThat(fields("{\"maxInFlight\": ")).containsExactly("body");
    assertThat(fields("{\"maxInFlight\": 2} {\"maxInFlight\": 3}")).containsExactly("body");
    assertThat(fields("{\"maxInFlight\": 2, \"maxInFlight\": 3}")).containsExactly("maxInFlight");
  }

  private static java.util.List<String> fields(String body) {
    ProblemException problem =
        catchThrowableOfType(ProblemException.class, () -> LaneChangeReader.read(body));
    assertThat(problem).as(body).isNotNull();
    assertThat(problem.problem().status()).isEqualTo(400);
    return problem.problem().errors().stream().map(Problem.FieldError::field).toList();
  }
}
