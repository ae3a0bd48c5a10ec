package dev.sluice.admission;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The caller's own record of how a call ended, which the gate's record of the call ({@link
 * ProviderCallEnded}) waits for. A chat job stores its answer's end in a write of its own; were the
 * call's record written first, a crash between the two would leave a completed call on record for
 * an answer the database still shows streaming, and recovery would ask it again: two completed
 * records for one answer. Waiting keeps the order (the answer's end, then the call's record), and a
 * record lost in a crash after the first is written again from the answer's row ({@link
 * CallRecords}).
 */
@FunctionalInterface
public interface EndKept {

  /** Every call whose caller keeps no record of its own: recorded as soon as it ends. */
  EndKept NONE = () -> CompletableFuture.completedFuture(null);

  /**
   * Asked once, when the call has ended; the record is announced when the stage completes, however
   * it completes.
   */
  CompletionStage<?> kept();
}
