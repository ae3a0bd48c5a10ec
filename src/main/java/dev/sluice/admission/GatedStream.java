package dev.sluice.admission;

import dev.sluice.llm.ChatStream;
import java.util.List;

/** A streaming call that went through the {@link Gate}: its result, and the tries it took. */
public interface GatedStream extends ChatStream {

  /** The tries so far, oldest first; a snapshot, not a live view. */
  List<Attempt> attempts();
}
