package dev.sluice.chat.socket;

import dev.sluice.platform.security.SocketHandshake;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;

/**
 * {@code /ws/chats/{chatId}}: streams a chat's answers to its owner (or an admin). The container
 * signs the caller in (web.xml); this endpoint refuses foreign origins and other people's chats
 * with a policy-violation close before sending any data. A client re-attaches with {@code
 * {"type":"resume","messageId":"…","afterSeq":N}}.
 */
@ServerEndpoint(value = "/ws/chats/{chatId}", configurator = SocketHandshake.class)
public class ChatSocket {

  private static final String SUBSCRIBER = "sluice.socket.subscriber";

  @OnOpen
  public void open(Session session, @PathParam("chatId") String chatId) {
    if (!SocketHandshake.originAllowed(session)) {
      refuse(session, "origin not allowed");
      return;
    }
    if (!mayWatch(session, chatId)) {
      // The same answer for a missing chat and someone else's, so ids cannot be probed.
      refuse(session, "no such chat");
      return;
    }
    ChatStreams hub = hub();
    Subscriber subscriber =
        new Subscriber(new SessionSink(session), hub.settings().maxPendingFrames());
    session.getUserProperties().put(SUBSCRIBER, subscriber);
    hub.subscribe(chatId, subscriber);
  }

  @OnMessage
  public void message(Session session, @PathParam("chatId") String chatId, String text) {
    Subscriber subscriber = (Subscriber) session.getUserProperties().get(SUBSCRIBER);
    if (subscriber == null) {
      return;
    }
    try {
      JsonObject request = Json.createReader(new StringReader(text)).readObject();
      if ("resume".equals(request.getString("type", "")) && request.containsKey("messageId")) {
        long afterSeq =
            request.getJsonNumber("afterSeq") == null
                ? 0
                : request.getJsonNumber("afterSeq").longValue();
        hub().resume(chatId, subscriber, request.getString("messageId"), Math.max(0, afterSeq));
      }
    } catch (JsonException | ClassCastException malformed) {
      close(session, CloseCodes.CANNOT_ACCEPT, "malformed request");
    }
  }

  @OnClose
  public void closed(Session session, @PathParam("chatId") String chatId) {
    Subscriber subscriber = (Subscriber) session.getUserProperties().remove(SUBSCRIBER);
    if (subscriber != null) {
      hub().unsubscribe(chatId, subscriber);
    }
  }

  @OnError
  public void failed(Session session, @PathParam("chatId") String chatId, Throwable error) {
    closed(session, chatId);
  }

  private static boolean mayWatch(Session session, String chatId) {
    return CDI.current()
        .select(StoredAnswers.class)
        .get()
        .ownerOf(chatId)
        .map(owner -> SocketHandshake.mayRead(session, owner))
        .orElse(false);
  }

  private static ChatStreams hub() {
    return CDI.current().select(ChatStreams.class).get();
  }

  private static void refuse(Session session, String reason) {
    close(session, CloseCodes.VIOLATED_POLICY, reason);
  }

  private static void close(Session session, CloseCodes code, String reason) {
    try {
      session.close(new CloseReason(code, reason));
    } catch (IOException alreadyGone) {
      // Nothing left to tell the client.
    }
  }
}
