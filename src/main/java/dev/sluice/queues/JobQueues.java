package dev.sluice.queues;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import java.util.List;

/**
 * The job queues an operator can look into, by the portable references of {@code web.xml} ({@code
 * java:comp/env/jms/...}).
 */
@ApplicationScoped
public class JobQueues {

  @Resource(name = "jms/chatJobs")
  Queue chatJobs;

  @Resource(name = "jms/chatJobsFailed")
  Queue chatJobsFailed;

  @Resource(name = "jms/documentJobs")
  Queue documentJobs;

  @Resource(name = "jms/documentJobsFailed")
  Queue documentJobsFailed;

  @Inject ChatJobRequeue chats;
  @Inject DocumentJobRequeue documents;

  public List<JobQueue> all() {
    return List.of(
        new JobQueue("chat-jobs", chatJobs, chatJobsFailed, chats),
        new JobQueue("document-jobs", documentJobs, documentJobsFailed, documents));
  }

  /** The queue called {@code name}, or a 404 problem naming {@code name}. */
  public JobQueue named(String name) {
    return all().stream()
        .filter(q -> q.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> {
              String message = "no queue '" + name + "'; the queues are chat-jobs, document-jobs";
              return new ProblemException(
                  Problem.of(404, "Not Found", "name: " + message)
                      .withErrors(List.of(new Problem.FieldError("name", message))));
            });
  }
}
