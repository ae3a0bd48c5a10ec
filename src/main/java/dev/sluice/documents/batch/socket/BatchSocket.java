package dev.sluice.documents.batch.socket;

import dev.sluice.documents.batch.BatchStore;
import dev.sluice.platform.security.SocketHandshake;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/**
 * {@code /ws/batches/{batchId}}: a batch's progress for its owner or an admin. Sends the current
 * progress at once, then a {@code progress} frame as chunks commit and a {@code finished} frame
 * when the job ends. A foreign origin or someone else's batch is closed with 1008 and no data.
 */
@ServerEndpoint(value = "/ws/batches/{batchId}", configurator = SocketHandshake.class)
public class BatchSocket {

  private static final String WATCHER = "sluice.batch.watcher";

  @OnOpen
  public void open(Session session, @PathParam("batchId") String batchId) {
    boolean allowed =
        SocketHandshake.originAllowed(session)
            && CDI.current()
                .select(BatchStore.class)
                .get()
                .batch(batchId)
                .map(b -> SocketHandshake.mayRead(session, b.owner()))
                .orElse(false);
    if (!allowed) {
      try {
        session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, "no such batch"));
      } catch (IOException alreadyGone) {
        // nothing to tell
      }
      return;
    }
    Watcher watcher = new Watcher(session);
    session.getUserProperties().put(WATCHER, watcher);
    hub().watch(batchId, watcher);
  }

  @OnClose
  public void closed(Session session, @PathParam("batchId") String batchId) {
    Watcher watcher = (Watcher) session.getUserProperties().remove(WATCHER);
    if (watcher != null) {
      hub().unwatch(batchId, watcher);
    }
  }

  @OnError
  public void failed(Session session, @PathParam("batchId") String batchId, Throwable error) {
    closed(session, batchId);
  }

  private static BatchWatchers hub() {
    return CDI.current().select(BatchWatchers.class).get();
  }
}
