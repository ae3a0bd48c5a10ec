package dev.sluice.chat.socket;

import dev.sluice.chat.events.AnswerChunk;
import dev.sluice.chat.events.AnswerCompleted;
import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The hub between the answer events and the sockets. It keeps only routing (which subscribers watch
 * which chat) and one replay buffer per recent answer; everything about a connection lives in its
 * {@link Subscriber}. Events of one answer arrive in order from its producer; holding the answer's
 * buffer while appending and relaying keeps that order and orders each resume against it. In a
 * cluster, other nodes' answers reach it through {@code chat.relay}, which calls the observer
 * methods directly.
 */
@ApplicationScoped
public class ChatStreams {

  private final Map<String, Set<Subscriber>> watchers = new ConcurrentHashMap<>();
  // Chat, then answer: a tab that opens looks at its own chat's answers, not at every answer held.
  // The inner maps change inside the outer map's compute for their chat, so a chat's map is never
  // dropped while an answer is being added to it.
  private final Map<String, Map<String, ReplayBuffer>> buffers = new ConcurrentHashMap<>();
  private StoredAnswers stored;
  private SocketSettings settings;
  private Clock clock;
  private volatile Instant nextSweep = Instant.MIN;

  /** For the CDI proxy. */
  protected ChatStreams() {}

  @Inject
  ChatStreams(StoredAnswers stored) {
    this(stored, SocketSettings.from(ConfigProvider.getConfig()), Clock.systemUTC());
  }

  ChatStreams(StoredAnswers stored, SocketSettings settings, Clock clock) {
    this.stored = stored;
    this.settings = settings;
    this.clock = clock;
  }

  public SocketSettings settings() {
    return settings;
  }

  public void onChunk(@Observes AnswerChunk chunk) {
    sweep();
    ReplayBuffer buffer = bufferOf(chunk.chatId(), chunk.messageId());
    synchronized (buffer) {
      if (buffer.append(chunk, clock.instant())) {
        watchersOf(chunk.chatId()).forEach(s -> s.chunk(chunk));
      }
    }
  }

  public void onCompleted(@Observes AnswerCompleted done) {
    end(done.chatId(), done.messageId(), Frames.completed(done));
  }

  public void onEnded(@Observes AnswerEnded ended) {
    end(ended.chatId(), ended.messageId(), Frames.ended(ended));
  }

  public void onStatus(@Observes AnswerStatus status) {
    if ("queued".equals(status.status())) {
      // Queued again after it ended (an operator's retry): its next run streams afresh.
      buffers.computeIfPresent(
          status.chatId(),
          (id, answers) -> {
            answers.computeIfPresent(
                status.messageId(), (answer, buffer) -> buffer.streaming() ? buffer : null);
            return answers.isEmpty() ? null : answers;
          });
    }
    String frame = Frames.status(status);
    watchersOf(status.chatId()).forEach(s -> s.frame(frame));
  }

  /** Starts relaying the chat to {@code subscriber}; answers already streaming are held. */
  void subscribe(String chatId, Subscriber subscriber) {
    watchers.compute(
        chatId,
        (id, set) -> {
          Set<Subscriber> subscribers = set == null ? ConcurrentHashMap.newKeySet() : set;
          subscribers.add(subscriber);
          return subscribers;
        });
    for (ReplayBuffer buffer : buffers.getOrDefault(chatId, Map.of()).values()) {
      synchronized (buffer) {
        if (buffer.streaming() && subscriber.holdIfUnseen(buffer.messageId())) {
          subscriber.frame(Frames.status(buffer.messageId(), "streaming"));
        }
      }
    }
  }

  void unsubscribe(String chatId, Subscriber subscriber) {
    subscriber.close();
    watchers.computeIfPresent(
        chatId,
        (id, set) -> {
          set.remove(subscriber);
          return set.isEmpty() ? null : set;
        });
  }

  /**
   * Sends {@code subscriber} what follows {@code afterSeq} of the answer, then the live stream; an
   * answer no longer in memory comes from the database as its final frame.
   */
  void resume(String chatId, Subscriber subscriber, String messageId, long afterSeq) {
    ReplayBuffer buffer = buffers.getOrDefault(chatId, Map.of()).get(messageId);
    if (buffer != null) {
      synchronized (buffer) {
        subscriber.resume(buffer, afterSeq);
      }
      return;
    }
    String frame =
        stored.latestFrame(chatId, messageId).orElseGet(() -> Frames.status(messageId, "unknown"));
    subscriber.finish(messageId, frame);
  }

  private void end(String chatId, String messageId, String frame) {
    sweep();
    ReplayBuffer buffer = bufferOf(chatId, messageId);
    synchronized (buffer) {
      if (!buffer.streaming()) {
        return;
      }
      buffer.end(frame, clock.instant());
      watchersOf(chatId).forEach(s -> s.finish(messageId, frame));
    }
  }

  private ReplayBuffer bufferOf(String chatId, String messageId) {
    Map<String, ReplayBuffer> answers = buffers.get(chatId);
    ReplayBuffer buffer = answers == null ? null : answers.get(messageId);
    if (buffer != null) {
      return buffer; // every chunk after an answer's first
    }
    ReplayBuffer[] made = new ReplayBuffer[1];
    buffers.compute(
        chatId,
        (id, held) -> {
          Map<String, ReplayBuffer> map = held == null ? new ConcurrentHashMap<>() : held;
          made[0] =
              map.computeIfAbsent(
                  messageId,
                  answer -> new ReplayBuffer(answer, settings.replayMaxChunks(), clock.instant()));
          return map;
        });
    return made[0];
  }

  private Set<Subscriber> watchersOf(String chatId) {
    return watchers.getOrDefault(chatId, Set.of());
  }

  /** Forgets expired answers, at most once a second so the hot path stays cheap. */
  private void sweep() {
    Instant now = clock.instant();
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plusSeconds(1);
    for (String chatId : buffers.keySet()) {
      buffers.computeIfPresent(
          chatId,
          (id, answers) -> {
            answers.values().removeIf(buffer -> buffer.expired(now, settings.replayRetention()));
            return answers.isEmpty() ? null : answers;
          });
    }
  }

  /** Answers held in memory, for tests. */
  int buffered() {
    return buffers.values().stream().mapToInt(Map::size).sum();
  }
}
