package dev.sluice.admission;

import dev.sluice.llm.RateLimitSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lane for tests: admits at once, holds admissions until told, or rejects; counts every permit
 * and every release so a test can prove each permit was released exactly once.
 */
final class FakeLane implements Lane {

  private final String name;
  private final List<CompletableFuture<Permit>> held = new ArrayList<>();
  private final List<CountingPermit> permits = new ArrayList<>();
  final List<Instant> pauses = new ArrayList<>();
  final List<RateLimitSnapshot> observed = new ArrayList<>();
  final List<AdmissionRequest> requests = new ArrayList<>();
  private boolean holding;
  private boolean rejecting;
  private boolean stubborn;

  FakeLane(String name) {
    this.name = name;
  }

  FakeLane holding() {
    holding = true;
    return this;
  }

  /** Held admissions refuse cancellation, as when the lane hands out the permit in that instant. */
  FakeLane stubborn() {
    holding = true;
    stubborn = true;
    return this;
  }

  FakeLane rejecting() {
    rejecting = true;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletableFuture<Permit> admit(AdmissionRequest request) {
    requests.add(request);
    if (rejecting) {
      return CompletableFuture.failedFuture(
          new AdmissionRejectedException(name, Duration.ofSeconds(5), "queue full"));
    }
    CompletableFuture<Permit> future = stubborn ? new Uncancellable() : new CompletableFuture<>();
    if (holding) {
      held.add(future);
    } else {
      future.complete(newPermit(Duration.ZERO));
    }
    return future;
  }

  /** Admits the oldest held call, as if it waited {@code waited}. */
  void grant(Duration waited) {
    held.remove(0).complete(newPermit(waited));
  }

  CompletableFuture<Permit> heldAdmission(int index) {
    return held.get(index);
  }

  int permitsIssued() {
    return permits.size();
  }

  /** Permits not yet released. */
  long permitsOutstanding() {
    return permits.stream().filter(p -> p.releases.get() == 0).count();
  }

  /** Permits released more than once (must stay 0). */
  long permitsReleasedTwice() {
    return permits.stream().filter(p -> p.releases.get() > 1).count();
  }

  List<Long> releasedTokens() {
    return permits.stream().map(p -> p.tokens).toList();
  }

  private Permit newPermit(Duration waited) {
    CountingPermit permit = new CountingPermit(waited);
    permits.add(permit);
    return permit;
  }

  @Override
  public void pauseUntil(Instant notBefore) {
    pauses.add(notBefore);
  }

  @Override
  public void observe(RateLimitSnapshot snapshot) {
    observed.add(snapshot);
  }

  @Override
  public void reconfigure(LaneSettings settings) {
    throw new UnsupportedOperationException("not needed by these tests");
  }

  @Override
  public LaneSnapshot snapshot() {
    throw new UnsupportedOperationException("not needed by these tests");
  }

  private static final class Uncancellable extends CompletableFuture<Permit> {
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return false;
    }
  }

  private static final class CountingPermit implements Permit {
    private final Duration waited;
    private final AtomicInteger releases = new AtomicInteger();
    private volatile long tokens = -1;

    CountingPermit(Duration waited) {
      this.waited = waited;
    }

    @Override
    public Duration waited() {
      return waited;
    }

    @Override
    public void release(long actualTokens) {
      // Counts every call, even the no-op repeats a real permit allows, to catch double releases.
      if (releases.incrementAndGet() == 1) {
        tokens = actualTokens;
      }
    }
  }
}
