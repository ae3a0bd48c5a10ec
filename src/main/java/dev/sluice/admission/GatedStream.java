package dev.sluice.admission;

import dev.sluice.llm.ChatStream;
import java.util.List;

/** A streaming call that went through the {@link Gate}: its result, and the tries it took. */
public interface GatedStream extends ChatStream {

  /** The tries so far, oldest first; a snapshot, not a live view. */
  List<Attempt> attempts();

  /**
   * Whether the caller's {@link SendCheck} dropped the call: nothing was sent, and the call is
   * neither recorded nor the caller's to report (the work it was for is gone, or another call has
   * it).
   */
  boolean dropped();
}
