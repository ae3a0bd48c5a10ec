package dev.sluice.documents.batch.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * One connection watching a batch. Progress frames are snapshots, so only the newest matters: one
 * send is in flight at a time and a newer frame replaces any still waiting, which bounds what a
 * slow client costs to one frame. The final frame replaces a waiting progress frame too, but
 * nothing replaces or follows it: once it is sent the connection is closed normally (1000), so a
 * client knows the batch has nothing more to say.
 */
final class Watcher {

  /** Where the frames go: the connection, or a test's fake. */
  interface Channel {
    boolean isOpen();

    /** Sends asynchronously; {@code sent} hears whether it went out. */
    void send(String text, Consumer<Boolean> sent);

    /** Closes the connection normally, after the final frame. */
    void close();
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

          @Override
          public void close() {
            try {
              session.close(new CloseReason(CloseCodes.NORMAL_CLOSURE, "batch ended"));
            } catch (IOException e) {
              // Already gone: nothing to tell it.
            }
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
          boolean finalFrameSent;
          synchronized (this) {
            next = waiting;
            waiting = null;
            sending = next != null;
            finalFrameSent = next == null && ended;
          }
          if (next != null && ok) {
            transmit(next);
          } else if (finalFrameSent) {
            channel.close();
          }
        });
  }
}
