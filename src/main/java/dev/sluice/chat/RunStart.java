package dev.sluice.chat;

import dev.sluice.platform.database.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * When this run of the application began, as far as answers go: every claim and save of this run is
 * stamped after it (the writes ask for it before they stamp), so an answer found streaming with an
 * older stamp was left by an earlier run (a crash, a stop, a redeployment).
 */
@ApplicationScoped
public class RunStart {

  private final LocalDateTime at = Timestamps.now(Clock.systemUTC());

  public LocalDateTime at() {
    return at;
  }
}
