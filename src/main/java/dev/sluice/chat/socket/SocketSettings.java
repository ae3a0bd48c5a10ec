package dev.sluice.chat.socket;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The chat socket's tunables.
 *
 * @param maxPendingFrames frames a connection may have queued behind the one in flight
 * @param replayMaxChunks chunks kept per streaming answer for re-attaching clients
 * @param replayRetention how long an ended answer stays replayable
 */
record SocketSettings(int maxPendingFrames, int replayMaxChunks, Duration replayRetention) {

  static SocketSettings from(Config config) {
    return new SocketSettings(
        config.getOptionalValue("sluice.socket.max-pending-frames", Integer.class).orElse(256),
        config.getOptionalValue("sluice.socket.replay-max-chunks", Integer.class).orElse(20000),
        Duration.ofSeconds(
            config
                .getOptionalValue("sluice.socket.replay-retention-seconds", Long.class)
                .orElse(60L)));
  }
}
