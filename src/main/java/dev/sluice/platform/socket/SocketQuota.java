package dev.sluice.platform.socket;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many sockets each user holds open, up to a bound. A user's entry exists only while they hold
 * one, so the map shrinks back to empty; each {@link Slot} gives its place back once, however often
 * its connection's close and error paths release it.
 */
public final class SocketQuota {

  private final int maxPerUser;
  private final Map<String, Integer> open = new ConcurrentHashMap<>();

  public SocketQuota(int maxPerUser) {
    if (maxPerUser < 1) {
      throw new IllegalArgumentException("at least one socket per user, not " + maxPerUser);
    }
    this.maxPerUser = maxPerUser;
  }

  /** One of {@code user}'s places; empty when they hold them all. */
  public Optional<Slot> take(String user) {
    AtomicBoolean taken = new AtomicBoolean();
    open.compute(
        user,
        (name, count) -> {
          int held = count == null ? 0 : count;
          if (held >= maxPerUser) {
            return count;
          }
          taken.set(true);
          return held + 1;
        });
    return taken.get() ? Optional.of(new Slot(user)) : Optional.empty();
  }

  /** Sockets {@code user} holds open now. */
  public int openBy(String user) {
    return open.getOrDefault(user, 0);
  }

  /** Users holding at least one socket. */
  public int users() {
    return open.size();
  }

  public int maxPerUser() {
    return maxPerUser;
  }

  /** A place taken by one connection. */
  public final class Slot {

    private final String user;
    private final AtomicBoolean released = new AtomicBoolean();

    private Slot(String user) {
      this.user = user;
    }

    /** Gives the place back; later calls do nothing. */
    public void release() {
      if (released.compareAndSet(false, true)) {
        open.computeIfPresent(user, (name, count) -> count <= 1 ? null : count - 1);
      }
    }
  }
}
