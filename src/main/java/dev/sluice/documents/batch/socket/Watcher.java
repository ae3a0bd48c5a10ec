package dev.sluice.documents.batch.socket;

import jakarta.websocket.Session;

/**
 * One connection watching a batch. Progress frames are snapshots, so only the newest matters: one
 * send is in flight at a time and a newer frame replaces any still waiting, which bounds what a
 * slow client costs to one frame.
 */
final class Watcher {

  private final Session session;
  private boolean sending;
  private String waiting;

  Watcher(Session session) {
    this.session = session;
  }

  void send(String frame) {
    synchronized (this) {
      if (sending) {
        waiting = frame;
        return;
      }
      sending = true;
    }
    transmit(frame);
  }

  private void transmit(String frame) {
    if (!session.isOpen()) {
      return;
    }
    session
        .getAsyncRemote()
        .sendText(
            frame,
            result -> {
              String next;
              synchronized (this) {
                next = waiting;
                waiting = null;
                sending = next != null;
              }
              if (next != null && result.isOK()) {
                transmit(next);
              }
            });
  }
}
