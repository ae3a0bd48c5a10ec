package dev.sluice.documents.jobs.jms;

import dev.sluice.admission.Priority;
import dev.sluice.documents.jobs.DocumentJobQueue;
import dev.sluice.platform.messaging.JmsJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;

/**
 * {@link DocumentJobQueue} on JMS: a persistent message whose body is the run's id, with the same
 * JMS priority as a chat job of that priority. The resources are the portable references of {@code
 * web.xml} ({@code java:comp/env/jms/...}).
 */
@ApplicationScoped
public class JmsDocumentJobQueue implements DocumentJobQueue {

  @Resource(name = "jms/sluiceCF")
  ConnectionFactory connections;

  @Resource(name = "jms/documentJobs")
  Queue documentJobs;

  @Override
  public void send(String runId, Priority priority) {
    JmsJobs.send(connections, documentJobs, runId, priority);
  }
}
