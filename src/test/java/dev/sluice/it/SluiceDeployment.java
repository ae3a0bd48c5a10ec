package dev.sluice.it;

import dev.sluice.testing.Poll;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the integration tests deploy: the WAR the build just packaged, under its real name
 * ({@code sluice.war}), so resource names that include the application name stay right.
 */
public final class SluiceDeployment {

  /**
   * Every class that runs inside the server, and every helper one of them uses. All in-container
   * test classes deploy the same archive, so they share one deployment ({@link SharedDeployment})
   * instead of deploying the 30 MB WAR once each. A class missing here fails loudly: its tests are
   * not found inside the server.
   */
  private static final Class<?>[] IN_CONTAINER = {
    AdmissionIT.class,
    ChatJobRedeliveryIT.class,
    ChatJobsFailedIT.class,
    ChatRepositoryIT.class,
    ChatSocketIT.class,
    ChatStreamingIT.class,
    DocumentAnalyzerIT.class,
    DocumentJobRedeliveryIT.class,
    JobSweepIT.class,
    LaneSettingsRefreshIT.class,
    LlmClientIT.class,
    SocketLimitsIT.class,
    StreamingRecoveryIT.class,
    AnswerRows.class,
    Credentials.class,
    Http.class,
    Poll.class,
    QueueDrain.class,
    RawSocket.class,
    SocketClient.class,
  };

  private SluiceDeployment() {}

  /** The packaged WAR as it is, for the black-box tests. */
  public static WebArchive war() {
    File war = new File(System.getProperty("sluice.war", "target/sluice.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("package the WAR first (mvn verify does): " + war);
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  /** The packaged WAR with the in-container tests and their helpers (inner classes included). */
  public static WebArchive withTests() {
    return war().addClasses(IN_CONTAINER);
  }
}
