package dev.sluice.admission.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.BreakerSettings;
import dev.sluice.admission.ProviderBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two nodes' breakers, each telling the other what the bus would carry, as JSON. */
class BreakerFollowerTest {

  private static final BreakerSettings SETTINGS =
      new BreakerSettings(50, Duration.ofSeconds(60), 10, Duration.ofSeconds(30), 3);

  private final ProviderBreakers here = new ProviderBreakers(SETTINGS, Clock.systemUTC());
  private final ProviderBreakers there = new ProviderBreakers(SETTINGS, Clock.systemUTC());
  private final List<String> told = new ArrayList<>();
  private BreakerFollower followerHere;
  private BreakerFollower followerThere;

  BreakerFollowerTest() {
    followerHere = new BreakerFollower(here, change -> carry("here", change, followerThere));
    followerThere = new BreakerFollower(there, change -> carry("there", change, followerHere));
  }

  private void carry(String from, BreakerChange change, BreakerFollower to) {
    told.add(from + ":" + change.change());
    to.follow(BreakerChange.fromJson(change.toJson()));
  }

  @Test
  void aTripOnOneNodeOpensTheOthersWithoutAnEcho() {
    here.trip("openai"); // as its own failures would

    assertThat(there.state("openai")).isEqualTo(State.OPEN);
    assertThat(told).containsExactly("here:TRIPPED");
  }

  @Test
  void anOperatorsSteeringOnOneConsoleReachesEveryNode() {
    here.forceOpen("openai");
    followerHere.steered("openai", BreakerChange.Change.FORCED_OPEN);
    assertThat(there.state("openai")).isEqualTo(State.FORCED_OPEN);

    there.reset("openai");
    followerThere.steered("openai", BreakerChange.Change.RESET);
    assertThat(here.state("openai")).isEqualTo(State.CLOSED);

    there.forceClosed("openai");
    followerThere.steered("openai", BreakerChange.Change.FORCED_CLOSED);
    assertThat(here.state("openai")).isEqualTo(State.DISABLED);
    // Forced closed stays closed when the provider fails elsewhere.
    there.trip("openai");
    assertThat(there.state("openai")).isEqualTo(State.DISABLED);
  }

  @Test
  void aForcedStateIsNotUndoneByAnotherNodesTrip() {
    here.forceOpen("openai");
    followerThere.follow(new BreakerChange("openai", BreakerChange.Change.TRIPPED));
    there.trip("openai");

    assertThat(here.state("openai")).isEqualTo(State.FORCED_OPEN);
  }
}
