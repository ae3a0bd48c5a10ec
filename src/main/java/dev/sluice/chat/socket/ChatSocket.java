package dev.sluice.chat.socket;

import dev.sluice.platform.json.JsonFactories;
import dev.sluice.platform.security.SocketHandshake;
import dev.sluice.platform.socket.SocketLimits;
import dev.sluice.platform.socket.Sockets;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code /ws/chats/{chatId}}: streams a chat's answers to its owner (or an admin). The container
 * signs the caller in (web.xml); this endpoint refuses foreign origins, other people's chats and a
 * caller past their socket quota with a policy-violation close before sending any data. A client
 * re-attaches with {@code {"type":"resume","messageId":"…","afterSeq":N}}.
 *
 * <p>A programmatic endpoint ({@link ChatSocketConfig}) with a partial-message handler: that way
 * the container refuses every frame over {@link #MAX_REQUEST} bytes with 1009 before reading it,
 * and hands over a message split into frames one frame at a time for {@link RequestText} to bound.
 * (Liberty checks an annotated endpoint's {@code maxMessageSize} per frame of a whole message only,
 * and gathers a fragmented one without bound.)
 */
public class ChatSocket extends Endpoint {

  static final String PATH = "/ws/chats/{chatId}";

  /** The longest request, in bytes per frame and characters per message; a resume is under 200. */
  static final int MAX_REQUEST = 4096;

  private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());
  private static final String SUBSCRIBER = "sluice.socket.subscriber";

  /*
   * The beans this connection uses, looked up once when it opens (the container makes an endpoint
   * per connection): WildFly runs onClose and onError on I/O threads where CDI.current() fails.
   */
  private ChatStreams hub;
  private SocketLimits limits;

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    hub = CDI.current().select(ChatStreams.class).get();
    limits = CDI.current().select(SocketLimits.class).get();
    session.setMaxTextMessageBufferSize(MAX_REQUEST);
    session.setMaxBinaryMessageBufferSize(Sockets.MAX_CONTROL_FRAME);
    String chatId = chatId(session);
    if (!SocketHandshake.originAllowed(session)) {
      refuse(session, "origin not allowed");
      return;
    }
    if (!mayWatch(session, chatId)) {
      // The same answer for a missing chat and someone else's, so ids cannot be probed.
      refuse(session, "no such chat");
      return;
    }
    if (!limits.admit(session)) {
      return;
    }
    Subscriber subscriber =
        new Subscriber(new SessionSink(session), hub.settings().maxPendingFrames());
    RequestText request = new RequestText(MAX_REQUEST);
    session.addMessageHandler(
        String.class,
        (MessageHandler.Partial<String>)
            (part, last) -> message(session, chatId, subscriber, request, part, last));
    session.addMessageHandler(
        ByteBuffer.class,
        (MessageHandler.Partial<ByteBuffer>)
            (part, last) -> Sockets.close(session, CloseCodes.CANNOT_ACCEPT, "text frames only"));
    session.getUserProperties().put(SUBSCRIBER, subscriber);
    hub.subscribe(chatId, subscriber);
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    if (limits == null) {
      return; // never opened
    }
    limits.release(session);
    Subscriber subscriber = (Subscriber) session.getUserProperties().remove(SUBSCRIBER);
    if (subscriber != null) {
      hub.unsubscribe(chatId(session), subscriber);
    }
  }

  @Override
  public void onError(Session session, Throwable error) {
    Sockets.failed(LOG, session, error);
    onClose(session, null);
  }

  private void message(
      Session session,
      String chatId,
      Subscriber subscriber,
      RequestText request,
      String part,
      boolean last) {
    Optional<String> text;
    try {
      text = request.add(part, last);
    } catch (RequestText.TooLong tooLong) {
      Sockets.close(session, CloseCodes.TOO_BIG, tooLong.getMessage());
      return;
    }
    text.ifPresent(t -> handle(session, chatId, subscriber, t));
  }

  private void handle(Session session, String chatId, Subscriber subscriber, String text) {
    try {
      JsonObject request = JsonFactories.READERS.createReader(new StringReader(text)).readObject();
      if ("resume".equals(request.getString("type", "")) && request.containsKey("messageId")) {
        if (request.getString("messageId").indexOf('\0') >= 0) {
          // No id holds a NUL, and PostgreSQL would fail to look one up.
          Sockets.close(session, CloseCodes.CANNOT_ACCEPT, "malformed request");
          return;
        }
        long afterSeq =
            request.getJsonNumber("afterSeq") == null
                ? 0
                : request.getJsonNumber("afterSeq").longValue();
        hub.resume(chatId, subscriber, request.getString("messageId"), Math.max(0, afterSeq));
      }
    } catch (JsonException
        | ClassCastException
        | NumberFormatException
        | ArithmeticException
        | IllegalStateException
        | UnsupportedOperationException malformed) {
      // Parsson throws the last four for numbers past BigDecimal's range or 1,100 digits long.
      Sockets.close(session, CloseCodes.CANNOT_ACCEPT, "malformed request");
    }
  }

  private static String chatId(Session session) {
    return session.getPathParameters().get("chatId");
  }

  private static boolean mayWatch(Session session, String chatId) {
    return CDI.current()
        .select(StoredAnswers.class)
        .get()
        .ownerOf(chatId)
        .map(owner -> SocketHandshake.mayRead(session, owner))
        .orElse(false);
  }

  private static void refuse(Session session, String reason) {
    Sockets.close(session, CloseCodes.VIOLATED_POLICY, reason);
  }
}
