package dev.sluice.chat.relay;

import dev.sluice.chat.events.AnswerChunk;
import dev.sluice.chat.events.AnswerCompleted;
import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import dev.sluice.chat.events.CancelRequested;
import dev.sluice.platform.cluster.ClusterBus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Publishes this node's answer events and users' cancel requests to the other nodes, on the cluster
 * bus, in the order they happen here. On a single server the bus is off and this costs a check per
 * event.
 */
@ApplicationScoped
public class StreamRelay {

  /** The bus kind of the events this feature publishes and reads. */
  static final String KIND = "chat";

  @Inject ClusterBus bus;

  void onChunk(@Observes AnswerChunk chunk) {
    publish(chunk);
  }

  void onStatus(@Observes AnswerStatus status) {
    publish(status);
  }

  void onCompleted(@Observes AnswerCompleted completed) {
    publish(completed);
  }

  void onEnded(@Observes AnswerEnded ended) {
    publish(ended);
  }

  void onCancel(@Observes CancelRequested cancel) {
    publish(cancel);
  }

  private void publish(Object event) {
    if (bus.enabled()) {
      bus.publish(KIND, RelayCodec.encode(event));
    }
  }
}
