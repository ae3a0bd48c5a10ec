package dev.sluice.queues;

import dev.sluice.chat.ChatJobStore;
import dev.sluice.chat.MessageStatus;
import dev.sluice.chat.events.AnswerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * A chat job's work is an answer: the runner marked it failed on the job's last delivery, so a
 * retry puts it back to queued, and tells the chat's watchers it is queued again.
 */
@ApplicationScoped
public class ChatJobRequeue implements JobRequeue {

  @Inject ChatJobStore store;
  @Inject Event<Object> events;

  @Override
  public Requeue requeue(String jobId) {
    if (jobId == null) {
      return Requeue.gone();
    }
    return store
        .requeueFailed(jobId)
        .map(
            answer -> {
              if (answer.status() == MessageStatus.QUEUED) {
                events.fire(new AnswerStatus(answer.chatId(), jobId, "queued"));
              }
              return Requeue.of(answer.status(), MessageStatus.QUEUED, answer.priority());
            })
        .orElseGet(Requeue::gone);
  }
}
