package dev.sluice.chat.socket;

import java.util.function.Consumer;

/** Where a subscriber's frames go: a WebSocket session in production, a recorder in tests. */
public interface FrameSink {

  /** Sends {@code text} without blocking; {@code done} learns whether it went out. */
  void send(String text, Consumer<Boolean> done);
}
