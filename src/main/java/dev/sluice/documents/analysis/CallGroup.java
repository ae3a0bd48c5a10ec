package dev.sluice.documents.analysis;

import dev.sluice.llm.ChatStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider calls of one unit of work (a batch chunk), so that giving up on the work stops them
 * all: calls in flight are cancelled, and a call that starts afterwards (the next section of a long
 * document, a repair) is cancelled as it starts. A call leaves the group when it ends.
 */
public final class CallGroup {

  /** For work nobody cancels as a whole: tracks nothing. */
  public static final CallGroup NONE = new CallGroup(false);

  private final boolean tracking;
  private final Set<ChatStream> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  public CallGroup() {
    this(true);
  }

  private CallGroup(boolean tracking) {
    this.tracking = tracking;
  }

  /** Adds a started call; cancels it at once if the group was cancelled. */
  public void track(ChatStream call) {
    if (!tracking) {
      return;
    }
    open.add(call);
    call.result().whenComplete((result, error) -> open.remove(call));
    // After the add: either cancel() sees the call in the set, or this sees the flag.
    if (cancelled) {
      call.cancel();
    }
  }

  /** Cancels every call in flight and every call that starts from now on. */
  public void cancel() {
    if (!tracking) {
      return;
    }
    cancelled = true;
    open.forEach(ChatStream::cancel);
  }

  /** Calls started and not yet ended. */
  public int inFlight() {
    return open.size();
  }
}
