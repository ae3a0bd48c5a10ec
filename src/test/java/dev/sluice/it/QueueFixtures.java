package dev.sluice.it;

import dev.sluice.admission.Priority;
import dev.sluice.chat.ChatJobRunner;
import dev.sluice.chat.ChatMessage;
import dev.sluice.chat.ChatRepository;
import dev.sluice.chat.MessageStatus;
import dev.sluice.platform.messaging.JobWakeups;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Test-only endpoints, deployed only with {@link AdminQueuesIT} (under {@code /api/admin}, so for
 * admins only), that put jobs where a black-box test cannot: a chat job whose every delivery fails
 * (as in {@link ChatJobsFailedIT}, the database refuses its claim until the refusal is lifted), and
 * a message straight onto an exception destination.
 */
@Path("/admin/it-fixtures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueueFixtures {

  @Inject ChatRepository chats;
  @Inject JobWakeups wakeups;
  @Inject ChatJobRunner runner;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Resource(name = "jms/sluiceCF")
  ConnectionFactory connections;

  @Resource(name = "jms/chatJobsFailed")
  Queue chatJobsFailed;

  @Resource(name = "jms/documentJobsFailed")
  Queue documentJobsFailed;

  /**
   * A queued answer of {@code demo}'s whose claim the database refuses, and its job sent (HIGH).
   */
  @POST
  @Path("/failing-chat-job")
  public String failingChatJob() throws Exception {
    ChatMessage answer =
        AnswerRows.write(chats, "Hello again", MessageStatus.QUEUED, "", Clock.systemUTC());
    execute(
        "ALTER TABLE chat_message ADD CONSTRAINT "
            + constraint(answer.id())
            + " CHECK (id <> '"
            + answer.id()
            + "' OR status <> 'STREAMING')");
    wakeups.send(runner, answer.id(), Priority.HIGH.jmsPriority());
    return Json.createObjectBuilder()
        .add("chatId", answer.chatId())
        .add("answerId", answer.id())
        .build()
        .toString();
  }

  /** Lets the answer be claimed again. */
  @DELETE
  @Path("/failing-chat-job/{answerId}")
  public void lift(@PathParam("answerId") String answerId) throws Exception {
    execute("ALTER TABLE chat_message DROP CONSTRAINT " + constraint(answerId));
  }

  /** Sends {@code text} straight to the exception destination of {@code queue}. */
  @POST
  @Path("/failed-message")
  public void failedMessage(@QueryParam("queue") String name, @QueryParam("text") String text) {
    Queue failed = "chat-jobs".equals(name) ? chatJobsFailed : documentJobsFailed;
    try (JMSContext context = connections.createContext()) {
      context.createProducer().setPriority(3).send(failed, text);
    }
  }

  private static String constraint(String answerId) {
    return "ck_it_queues_" + answerId.replaceAll("[^0-9a-f]", "").substring(0, 8);
  }

  private void execute(String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
