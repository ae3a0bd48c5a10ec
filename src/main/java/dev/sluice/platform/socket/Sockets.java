package dev.sluice.platform.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCode;
import jakarta.websocket.Session;
import java.io.IOException;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Closing a session with a reason, and logging why one failed. */
public final class Sockets {

  /**
   * The bound, in bytes, for frames an endpoint never expects: the size of a control frame's
   * payload. Set as a session's buffer size, the container refuses a larger frame with 1009 unread.
   */
  public static final int MAX_CONTROL_FRAME = 125;

  private static final Logger LOG = Logger.getLogger(Sockets.class.getName());

  private Sockets() {}

  /** Closes {@code session} with {@code code} and {@code reason} (at most 123 bytes). */
  public static void close(Session session, CloseCode code, String reason) {
    try {
      session.close(new CloseReason(code, reason));
    } catch (IOException | IllegalStateException alreadyGone) {
      LOG.log(Level.FINE, "socket " + session.getId() + " was gone before its close", alreadyGone);
    }
  }

  /**
   * Logs what an endpoint's {@code @OnError} received. A connection the client dropped (an I/O
   * error) is routine and logged at FINE, so closed tabs cannot fill the log; anything else is a
   * fault worth a WARNING with its stack trace.
   */
  public static void failed(Logger log, Session session, Throwable error) {
    Level level = dropped(error) ? Level.FINE : Level.WARNING;
    if (log.isLoggable(level)) {
      log.log(level, "socket " + describe(session) + " failed: " + error, error);
    }
  }

  private static boolean dropped(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Session session) {
    Principal user = session.getUserPrincipal();
    return session.getId()
        + " of "
        + (user == null ? "nobody" : user.getName())
        + " on "
        + (session.getRequestURI() == null ? "?" : session.getRequestURI().getPath());
  }
}
