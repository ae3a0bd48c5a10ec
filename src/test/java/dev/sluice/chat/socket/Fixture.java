package dev.sluice.chat.socket;

import dev.sluice.chat.events.AnswerChunk;
import dev.sluice.chat.events.AnswerCompleted;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A hub with an adjustable clock and an in-memory database of stored answers. */
final class Fixture implements StoredAnswers {

  static final String CHAT = "chat-1";
  static final String MESSAGE = "msg-1";

  final Map<String, String> storedFrames = new HashMap<>();
  Instant now = Instant.parse("2026-01-01T00:00:00Z");
  final ChatStreams hub;

  Fixture(int maxPending) {
    this(maxPending, 1000);
  }

  Fixture(int maxPending, int replayMaxChunks) {
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    hub =
        new ChatStreams(
            this, new SocketSettings(maxPending, replayMaxChunks, Duration.ofSeconds(60)), clock);
  }

  Subscriber subscribe(FrameSink sink) {
    Subscriber subscriber = new Subscriber(sink, hub.settings().maxPendingFrames());
    hub.subscribe(CHAT, subscriber);
    return subscriber;
  }

  void chunks(String messageId, int from, int to) {
    for (int seq = from; seq <= to; seq++) {
      hub.onChunk(new AnswerChunk(CHAT, messageId, seq, "t" + seq + " "));
    }
  }

  void complete(String messageId, int lastSeq) {
    StringBuilder content = new StringBuilder();
    for (int seq = 1; seq <= lastSeq; seq++) {
      content.append("t").append(seq).append(' ');
    }
    hub.onCompleted(
        new AnswerCompleted(
            CHAT,
            messageId,
            lastSeq,
            content.toString(),
            "sim-large",
            10,
            lastSeq,
            0,
            new BigDecimal("0.0001"),
            12L,
            340));
  }

  @Override
  public Optional<String> ownerOf(String chatId) {
    return Optional.of("demo");
  }

  @Override
  public Optional<String> latestFrame(String chatId, String messageId) {
    return Optional.ofNullable(storedFrames.get(messageId));
  }
}
