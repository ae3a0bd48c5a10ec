package dev.sluice.chat.socket;

import jakarta.websocket.Session;
import java.util.function.Consumer;

/** A {@link FrameSink} over a WebSocket session's asynchronous remote. */
final class SessionSink implements FrameSink {

  private final Session session;

  SessionSink(Session session) {
    this.session = session;
  }

  @Override
  public void send(String text, Consumer<Boolean> done) {
    if (!session.isOpen()) {
      done.accept(false);
      return;
    }
    try {
      session.getAsyncRemote().sendText(text, result -> done.accept(result.isOK()));
    } catch (RuntimeException closedMeanwhile) {
      done.accept(false);
    }
  }
}
