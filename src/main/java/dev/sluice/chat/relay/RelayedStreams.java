package dev.sluice.chat.relay;

import dev.sluice.chat.RunningAnswers;
import dev.sluice.chat.events.AnswerChunk;
import dev.sluice.chat.events.AnswerCompleted;
import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import dev.sluice.chat.events.CancelRequested;
import dev.sluice.chat.socket.ChatStreams;
import dev.sluice.platform.cluster.ClusterEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Feeds another node's answer events to this node's hub, as if they had happened here, but only to
 * the sockets: nothing else on this node (metrics, the database) hears them, because the node where
 * they happened already did. A cancel request stops the answer if it runs here. The bus delivers
 * them one at a time, in the order each node published them.
 */
@ApplicationScoped
public class RelayedStreams {

  private ChatStreams streams;
  private RunningAnswers running;

  /** For the CDI proxy. */
  protected RelayedStreams() {}

  @Inject
  RelayedStreams(ChatStreams streams, RunningAnswers running) {
    this.streams = streams;
    this.running = running;
  }

  void onClusterEvent(@Observes ClusterEvent event) {
    if (StreamRelay.KIND.equals(event.kind())) {
      apply(RelayCodec.decode(event.body()));
    }
  }

  private void apply(Object event) {
    if (event instanceof AnswerChunk chunk) {
      streams.onChunk(chunk);
    } else if (event instanceof AnswerStatus status) {
      streams.onStatus(status);
    } else if (event instanceof AnswerCompleted completed) {
      streams.onCompleted(completed);
    } else if (event instanceof AnswerEnded ended) {
      streams.onEnded(ended);
    } else if (event instanceof CancelRequested cancel) {
      running.cancel(cancel.messageId(), cancel.claimed());
    }
  }
}
