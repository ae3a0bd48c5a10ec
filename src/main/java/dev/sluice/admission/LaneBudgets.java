package dev.sluice.admission;

/**
 * A lane's two budgets, requests and tokens, charged together: a call takes one request and its
 * estimated tokens or nothing, and its tokens are reconciled with the real count on release.
 */
final class LaneBudgets {

  private final Budget requests;
  private final Budget tokens;

  LaneBudgets(Budget requests, Budget tokens) {
    this.requests = requests;
    this.tokens = tokens;
  }

  static LaneBudgets local(LaneSettings settings, TimeSource time) {
    return new LaneBudgets(
        BucketBudget.local(
            settings.requestsPerMinute(), settings.burstFraction(), settings.period(), time),
        BucketBudget.local(
            settings.tokensPerMinute(), settings.burstFraction(), settings.period(), time));
  }

  /** What to run when either budget grows by itself (a shared budget's top-up). */
  void onGrown(Runnable wake) {
    requests.onGrown(wake);
    tokens.onGrown(wake);
  }

  /** Applies the settings' budgets at once, keeping what was already spent. */
  void reconfigure(LaneSettings settings) {
    requests.reconfigure(settings.requestsPerMinute(), settings.burstFraction(), settings.period());
    tokens.reconfigure(settings.tokensPerMinute(), settings.burstFraction(), settings.period());
  }

  Budget requests() {
    return requests;
  }

  Budget tokens() {
    return tokens;
  }

  /** Charges one request and the estimate, or nothing at all. */
  boolean tryCharge(long estimatedTokens) {
    if (!requests.tryCharge(1)) {
      return false;
    }
    if (!tokens.tryCharge(estimatedTokens)) {
      requests.refund(1);
      return false;
    }
    return true;
  }

  /** Nanoseconds until both budgets could pay for the call. */
  long nanosUntilAffordable(long estimatedTokens) {
    return Math.max(requests.nanosUntilAvailable(1), tokens.nanosUntilAvailable(estimatedTokens));
  }

  /** Undoes a charge whose call never went out. */
  void refund(long estimatedTokens) {
    requests.refund(1);
    tokens.refund(estimatedTokens);
  }

  /** Returns unused estimated tokens or charges the extra ones as an overdraft. */
  void reconcile(long estimatedTokens, long actualTokens) {
    if (actualTokens < estimatedTokens) {
      tokens.refund(estimatedTokens - actualTokens);
    } else {
      tokens.overdraw(actualTokens - estimatedTokens);
    }
  }
}
