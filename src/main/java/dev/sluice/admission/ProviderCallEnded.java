package dev.sluice.admission;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import java.time.Instant;
import java.util.List;

/**
 * One call through the gate has ended, however it ended: fired once per call, on the thread that
 * ended it, for the call's record and the console's live figures. Observers must be quick and must
 * not throw.
 *
 * @param origin who the call was for
 * @param request what was asked (the first model of the chain)
 * @param priority the lane priority it waited with
 * @param startedAt when the caller handed the call to the gate
 * @param endedAt when it ended
 * @param result the answer, or null when it failed or was cancelled
 * @param error why it failed, or null when it answered
 * @param attempts every try, oldest first
 */
public record ProviderCallEnded(
    CallOrigin origin,
    ChatRequest request,
    Priority priority,
    Instant startedAt,
    Instant endedAt,
    ChatResult result,
    Throwable error,
    List<Attempt> attempts) {

  public ProviderCallEnded {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }
}
