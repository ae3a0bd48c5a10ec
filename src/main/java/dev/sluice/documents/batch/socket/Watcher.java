package dev.sluice.documents.batch.socket;

import jakarta.websocket.Session;
import java.util.function.Consumer;

/**
 * One connection watching a batch. Progress frames are snapshots, so only the newest matters: one
 * send is in flight at a time and a newer frame replaces any still waiting, which bounds what a
 * slow client costs to one frame. The final frame replaces a waiting progress frame too, but
 * nothing replaces or follows it.
 */
final class Watcher {

  /** Where the frames go: the connection, or a test's fake. */
  interface Channel {
    boolean isOpen();

    /** Sends asynchronously; {@code sent} hears whether it went out. */
    void send(String text, Consumer<Boolean> sent);
  }

  private final Channel channel;
  private boolean sending;
  private boolean ended;
  private String waiting;

  Watcher(Session session) {
    this(
        new Channel() {
          @Override
          public boolean isOpen() {
            return session.isOpen();
          }

          @Override
          public void send(String text, Consumer<Boolean> sent) {
            session.getAsyncRemote().sendText(text, result -> sent.accept(result.isOK()));
          }
        });
  }

  Watcher(Channel channel) {
    this.channel = channel;
  }

  /** A progress frame; dropped once the final frame was given. */
  void send(String frame) {
    offer(frame, false);
  }

  /** The final frame: the last this connection hears. */
  void end(String frame) {
    offer(frame, true);
  }

  private void offer(String frame, boolean last) {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = last;
      if (sending) {
        waiting = frame;
        return;
      }
      sending = true;
    }
    transmit(frame);
  }

  private void transmit(String frame) {
    if (!channel.isOpen()) {
      return;
    }
    channel.send(
        frame,
        ok -> {
          String next;
          synchronized (this) {
            next = waiting;
            waiting = null;
            sending = next != null;
          }
          if (next != null && ok) {
            transmit(next);
          }
        });
  }
}
