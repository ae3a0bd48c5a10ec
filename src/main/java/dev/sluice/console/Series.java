package dev.sluice.console;

import dev.sluice.generations.LiveSeries;
import java.time.Instant;
import java.util.List;

/** The last hour a minute at a time, as parallel arrays for the charts, oldest first. */
public record Series(
    List<Instant> minutes,
    List<Long> calls,
    List<Long> errors,
    List<Long> p50Ms,
    List<Long> p99Ms) {

  static Series of(List<LiveSeries.Point> points) {
    return new Series(
        points.stream().map(LiveSeries.Point::minute).toList(),
        points.stream().map(LiveSeries.Point::calls).toList(),
        points.stream().map(LiveSeries.Point::errors).toList(),
        points.stream().map(LiveSeries.Point::p50Ms).toList(),
        points.stream().map(LiveSeries.Point::p99Ms).toList());
  }
}
