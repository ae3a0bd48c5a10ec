package dev.sluice.documents.batch.socket;

import dev.sluice.documents.batch.BatchStore;
import dev.sluice.platform.security.SocketHandshake;
import dev.sluice.platform.socket.SocketLimits;
import dev.sluice.platform.socket.Sockets;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.logging.Logger;

/**
 * {@code /ws/batches/{batchId}}: a batch's progress for its owner or an admin. Sends the current
 * progress at once, then a {@code progress} frame as chunks commit and a {@code finished} frame
 * when the job ends, after which it closes normally. A foreign origin, someone else's batch or a
 * caller past their socket quota is closed with 1008 and no data. It only sends: whatever a client
 * sends closes it, and a frame over a few bytes is refused with 1009 before it is read (a
 * programmatic endpoint, {@link BatchSocketConfig}, for the reason {@code ChatSocket} gives).
 */
public class BatchSocket extends Endpoint {

  static final String PATH = "/ws/batches/{batchId}";

  private static final Logger LOG = Logger.getLogger(BatchSocket.class.getName());
  private static final String WATCHER = "sluice.batch.watcher";

  /*
   * The beans this connection uses, looked up once when it opens (the container makes an endpoint
   * per connection): WildFly runs onClose and onError on I/O threads where CDI.current() fails.
   */
  private BatchWatchers hub;
  private SocketLimits limits;

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    hub = CDI.current().select(BatchWatchers.class).get();
    limits = CDI.current().select(SocketLimits.class).get();
    session.setMaxTextMessageBufferSize(Sockets.MAX_CONTROL_FRAME);
    session.setMaxBinaryMessageBufferSize(Sockets.MAX_CONTROL_FRAME);
    String batchId = batchId(session);
    boolean allowed =
        SocketHandshake.originAllowed(session)
            && CDI.current()
                .select(BatchStore.class)
                .get()
                .batch(batchId)
                .map(b -> SocketHandshake.mayRead(session, b.owner()))
                .orElse(false);
    if (!allowed) {
      Sockets.close(session, CloseCodes.VIOLATED_POLICY, "no such batch");
      return;
    }
    if (!limits.admit(session)) {
      return;
    }
    session.addMessageHandler(
        String.class,
        (MessageHandler.Partial<String>) (part, last) -> takesNone(session, part.length(), last));
    session.addMessageHandler(
        ByteBuffer.class,
        (MessageHandler.Partial<ByteBuffer>)
            (part, last) -> takesNone(session, part.remaining(), last));
    Watcher watcher = new Watcher(session);
    session.getUserProperties().put(WATCHER, watcher);
    hub.watch(batchId, watcher);
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    if (limits == null) {
      return; // never opened
    }
    limits.release(session);
    Watcher watcher = (Watcher) session.getUserProperties().remove(WATCHER);
    if (watcher != null) {
      hub.unwatch(batchId(session), watcher);
    }
  }

  @Override
  public void onError(Session session, Throwable error) {
    Sockets.failed(LOG, session, error);
    onClose(session, null);
  }

  /**
   * Closes on the first part of any message: 1009 when it is larger than a control frame (Liberty's
   * container says so before the part arrives; Undertow hands the first part of a message of any
   * size to a partial handler), else 1003.
   */
  private static void takesNone(Session session, int partSize, boolean last) {
    if (!last || partSize > Sockets.MAX_CONTROL_FRAME) {
      Sockets.close(session, CloseCodes.TOO_BIG, "this socket takes no messages");
    } else {
      Sockets.close(session, CloseCodes.CANNOT_ACCEPT, "this socket takes no messages");
    }
  }

  private static String batchId(Session session) {
    return session.getPathParameters().get("batchId");
  }
}
