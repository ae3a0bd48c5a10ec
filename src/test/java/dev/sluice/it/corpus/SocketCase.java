package dev.sluice.it.corpus;

import java.nio.ByteBuffer;

/**
 * One WebSocket case: a frame sent on a socket to {@code path} once it is open.
 *
 * @param text the text frame, or {@code null} to send {@code binary}
 * @param tooBig whether the frame is over any sane message size, so only a 1009 close is right
 */
record SocketCase(String name, String path, String text, ByteBuffer binary, boolean tooBig) {

  static SocketCase text(String name, String path, String text) {
    return new SocketCase(name, path, text, null, false);
  }
}
