package dev.sluice.platform.socket;

import dev.sluice.platform.config.Durations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admits an endpoint's session once the endpoint has checked who may watch what: applies the idle
 * timeout ({@code sluice.socket.idle-timeout}; sent and received frames both count as activity) and
 * takes one of the caller's places ({@code sluice.socket.max-per-user}), refusing with 1008 when
 * they hold them all. The place lives in the session's own properties, never in this bean.
 */
@ApplicationScoped
public class SocketLimits {

  static final String SLOT = "sluice.socket.slot";

  private SocketQuota quota;
  private Duration idleTimeout;

  /** For the CDI proxy. */
  protected SocketLimits() {}

  @Inject
  SocketLimits(
      @ConfigProperty(name = "sluice.socket.max-per-user", defaultValue = "32") int maxPerUser,
      @ConfigProperty(name = "sluice.socket.idle-timeout", defaultValue = "10m") String idle) {
    this(new SocketQuota(maxPerUser), Durations.parse(idle));
  }

  SocketLimits(SocketQuota quota, Duration idleTimeout) {
    this.quota = quota;
    this.idleTimeout = idleTimeout;
  }

  /** True when the session may stay open; otherwise it has been closed with 1008. */
  public boolean admit(Session session) {
    Principal caller = session.getUserPrincipal();
    if (caller == null) {
      // web.xml lets nobody unsigned this far; should that change, no anonymous quota either.
      Sockets.close(session, CloseCodes.VIOLATED_POLICY, "sign in first");
      return false;
    }
    Optional<SocketQuota.Slot> slot = quota.take(caller.getName());
    if (slot.isEmpty()) {
      Sockets.close(
          session,
          CloseCodes.VIOLATED_POLICY,
          "too many open sockets (at most " + quota.maxPerUser() + " per user)");
      return false;
    }
    session.getUserProperties().put(SLOT, slot.get());
    session.setMaxIdleTimeout(idleTimeout.toMillis());
    return true;
  }

  /** Gives the session's place back; safe to call from every close and error path, repeatedly. */
  public void release(Session session) {
    Object slot = session.getUserProperties().remove(SLOT);
    if (slot instanceof SocketQuota.Slot taken) {
      taken.release();
    }
  }

  /** The counts behind the limit, for tests and the console. */
  public SocketQuota quota() {
    return quota;
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }
}
