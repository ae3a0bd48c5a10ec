package dev.sluice.platform.database;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as stored: UTC wall-clock time in a {@code TIMESTAMP} column, cut to microseconds,
 * which both H2 and PostgreSQL keep exactly, so a value read back equals the one written and can be
 * used as a paging key.
 */
public final class Timestamps {

  private Timestamps() {}

  public static LocalDateTime now(Clock clock) {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  public static Instant toInstant(LocalDateTime stored) {
    return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
  }

  public static LocalDateTime fromInstant(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
