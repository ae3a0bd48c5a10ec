package dev.sluice.bench;

/**
 * One timing through Sluice set against the same timing straight from the simulator, percentile by
 * percentile: what Sluice adds is measured, not assumed. All in milliseconds.
 */
record Comparison(
    double sluiceP50,
    double sluiceP99,
    double sluiceMax,
    double directP50,
    double directP99,
    double directMax) {

  static Comparison of(LatencyHistogram sluice, LatencyHistogram direct) {
    return new Comparison(
        sluice.percentileMillis(50),
        sluice.percentileMillis(99),
        sluice.percentileMillis(100),
        direct.percentileMillis(50),
        direct.percentileMillis(99),
        direct.percentileMillis(100));
  }

  double addedP50() {
    return sluiceP50 - directP50;
  }

  double addedP99() {
    return sluiceP99 - directP99;
  }

  double addedMax() {
    return sluiceMax - directMax;
  }
}
