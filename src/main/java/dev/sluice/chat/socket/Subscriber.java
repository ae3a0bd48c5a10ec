package dev.sluice.chat.socket;

import dev.sluice.chat.events.AnswerChunk;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * One connection's view of a chat: its outbox and how far it has got in each streaming answer. One
 * send is in flight at a time and later frames wait in a bounded queue; past the bound the queue is
 * dropped and a single {@code resync} frame asks the client to re-attach, so a slow client never
 * holds up the others nor makes the server buffer without bound. Chunks of one answer that queued
 * behind a send leave together, as one frame ({@code fromSeq} to {@code seq}): a connection that
 * falls behind sends fewer, larger frames instead of paying a frame per token.
 *
 * <p>An answer is <em>held</em> (its chunks withheld) when this connection has not sent its
 * beginning: it was already streaming when the connection opened, or its chunks were dropped. A
 * {@code resume} releases it from the client's own position; its final frame, with the whole text,
 * always goes.
 */
final class Subscriber {

  private final FrameSink sink;
  private final int maxPending;
  // Frames ready to send (String) and chunks not yet framed (AnswerChunk), in order.
  private final Queue<Object> outbox = new ArrayDeque<>();
  private final Map<String, Long> lastSent = new HashMap<>();
  private final Set<String> held = new HashSet<>();
  private boolean sending;
  private boolean insideSend;
  private boolean closed;

  Subscriber(FrameSink sink, int maxPending) {
    this.sink = sink;
    this.maxPending = maxPending;
  }

  void chunk(AnswerChunk chunk) {
    synchronized (this) {
      String id = chunk.messageId();
      long last = lastSent.getOrDefault(id, 0L);
      if (held.contains(id) || chunk.sequence() <= last) {
        return;
      }
      if (chunk.sequence() > last + 1) {
        // Joined mid-answer, or chunks in between never reached this server: hold it until the
        // client resumes it; its final frame brings the whole text.
        held.add(id);
        lastSent.remove(id);
        enqueue(Frames.status(id, "streaming"));
        return;
      }
      lastSent.put(id, chunk.sequence());
      enqueue(chunk);
    }
    pump();
  }

  /** The answer's last frame: it ends what this connection tracks of it. */
  void finish(String messageId, String frame) {
    synchronized (this) {
      held.remove(messageId);
      lastSent.remove(messageId);
      enqueue(frame);
    }
    pump();
  }

  void frame(String frame) {
    synchronized (this) {
      enqueue(frame);
    }
    pump();
  }

  /** Withholds an answer's chunks unless some were already sent; true when it is now held. */
  synchronized boolean holdIfUnseen(String messageId) {
    if (lastSent.containsKey(messageId)) {
      return false;
    }
    held.add(messageId);
    return true;
  }

  /**
   * Sends what the client lacks of {@code buffer}'s answer after {@code afterSeq}, then lets the
   * live stream continue from there. The caller holds the buffer's lock, so no chunk is appended
   * meanwhile: nothing is missed and nothing is sent twice.
   */
  void resume(ReplayBuffer buffer, long afterSeq) {
    synchronized (this) {
      String id = buffer.messageId();
      boolean wasHeld = held.remove(id);
      long from = wasHeld ? afterSeq : Math.max(afterSeq, lastSent.getOrDefault(id, 0L));
      var missed = buffer.after(from);
      if (missed.isEmpty()) {
        // No longer kept: the final frame brings the whole text.
        held.add(id);
        enqueue(Frames.status(id, "streaming"));
      } else {
        // From here the live stream continues after what the client has, even if that is ahead.
        lastSent.put(id, from);
        replay(id, missed.get());
      }
      if (!buffer.streaming()) {
        held.remove(id);
        lastSent.remove(id);
        enqueue(buffer.finalFrame());
      }
    }
    pump();
  }

  synchronized void close() {
    closed = true;
    outbox.clear();
  }

  private void replay(String id, List<AnswerChunk> missed) {
    if (missed.isEmpty()) {
      return;
    }
    lastSent.put(id, missed.get(missed.size() - 1).sequence());
    if (missed.size() <= maxPending - outbox.size()) {
      missed.forEach(this::enqueue);
    } else {
      enqueue(Frames.chunks(id, missed));
    }
  }

  /** A frame (its JSON text) or a chunk, framed when it leaves. */
  private void enqueue(Object frame) {
    if (closed) {
      return;
    }
    if (outbox.size() < maxPending) {
      outbox.add(frame);
      return;
    }
    // Over the bound: drop the backlog; the client re-attaches and gets it from the replay buffer.
    outbox.clear();
    held.addAll(lastSent.keySet());
    lastSent.clear();
    outbox.add(Frames.resync(held.size() == 1 ? held.iterator().next() : null));
  }

  /**
   * Sends queued frames one at a time, strictly in order. A loop, not recursion: a send may
   * complete on the calling thread, and a long queue must not deepen the stack frame by frame.
   */
  private void pump() {
    while (true) {
      String next;
      synchronized (this) {
        if (sending || closed || outbox.isEmpty()) {
          return;
        }
        sending = true;
        insideSend = true;
        next = nextFrame();
      }
      sink.send(next, this::sent);
      synchronized (this) {
        insideSend = false;
        if (sending) {
          // Still in flight: its completion calls pump() again.
          return;
        }
      }
    }
  }

  /** The head of the outbox as a frame: a chunk with the chunks of its answer queued after it. */
  private String nextFrame() {
    Object head = outbox.poll();
    if (!(head instanceof AnswerChunk first)) {
      return (String) head;
    }
    List<AnswerChunk> run = null;
    AnswerChunk last = first;
    while (outbox.peek() instanceof AnswerChunk following
        && following.messageId().equals(first.messageId())
        && following.sequence() == last.sequence() + 1) {
      if (run == null) {
        run = new ArrayList<>();
        run.add(first);
      }
      run.add(following);
      last = following;
      outbox.poll();
    }
    return run == null ? Frames.chunk(first) : Frames.chunks(first.messageId(), run);
  }

  private void sent(boolean ok) {
    boolean resume;
    synchronized (this) {
      sending = false;
      if (!ok) {
        close();
        return;
      }
      // Completed during send(): the loop in pump() goes on by itself.
      resume = !insideSend;
    }
    if (resume) {
      pump();
    }
  }
}
