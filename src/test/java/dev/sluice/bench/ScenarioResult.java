package dev.sluice.bench;

/**
 * One scenario's round through Sluice and its baseline straight from the simulator.
 *
 * @param label the scenario as the report names it, e.g. {@code burst of 1000 at once}
 */
record ScenarioResult(String label, Measured sluice, Measured direct) {

  /** One side's round: how its answers ended, its timings, and how its questions went out. */
  record Measured(ChatOutcome outcome, RoundTally tally, Arrivals.Posting posting) {}

  /** Time to first token, observed on both sides. */
  Comparison firstToken() {
    return Comparison.of(sluice.tally().firstToken, direct.tally().firstToken);
  }

  /** Gaps between consecutive chunks of an answer, observed on both sides. */
  Comparison chunkGaps() {
    return Comparison.of(sluice.tally().chunkGap, direct.tally().chunkGap);
  }
}
