package dev.sluice.admission;

import java.util.concurrent.CompletionStage;

/**
 * The caller's last word before a call goes out: asked once, when the call's first try has been
 * admitted by its lane and before anything is sent. A chat job claims its answer here, so an answer
 * becomes "streaming" only when its provider call really starts, and a job that was waiting in the
 * lane when the server died is simply asked again. The check runs off the gate's callback thread
 * (it may touch the database) and completes with {@code false}, or fails, to drop the call: the
 * permit is released, nothing is sent, no generation is recorded and the stream reports {@link
 * GatedStream#dropped()}.
 */
@FunctionalInterface
public interface SendCheck {

  /** Every call without a check of its own. */
  SendCheck NONE = null;

  CompletionStage<Boolean> mayStart();
}
