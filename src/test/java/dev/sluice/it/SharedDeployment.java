package dev.sluice.it;

import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;

/**
 * Keeps a deployment for the next class that deploys the same thing, instead of undeploying and
 * deploying the same 30 MB WAR again for every class (each round cost about 10 s on Liberty, some
 * seven minutes a pass for the black-box classes, two more for the in-container ones). A deployment
 * is reused when it is as testable as the one kept (the in-container classes' archive is deployed
 * with Arquillian's test runner added) and its archive holds exactly the entries of the one kept:
 * the WAR the build packaged, as every black-box class deploys it, or that WAR with every
 * in-container class ({@link SluiceDeployment#withTests()}). Any other deployment of the same name
 * first undeploys the kept one and is deployed as usual; the kept one is undeployed when the suite
 * ends, before the server stops. Each class still gets its URL, from the deployment it reuses.
 *
 * <p>The server's state is shared between those classes as its database always was: each test makes
 * its own chats, documents and users' data, and a test that changes a setting restores it.
 */
public class SharedDeployment {

  private static final Logger LOG = Logger.getLogger(SharedDeployment.class.getName());

  @Inject @DeploymentScoped InstanceProducer<DeploymentDescription> descriptionProducer;
  @Inject @DeploymentScoped InstanceProducer<Deployment> deploymentProducer;
  @Inject @DeploymentScoped InstanceProducer<ProtocolMetaData> protocolMetaData;
  @Inject Event<UnDeployDeployment> undeploy;

  /** What is deployed and kept, or null. */
  private Kept kept;

  /** True while this class itself undeploys the kept deployment. */
  private boolean releasing;

  private record Kept(
      Container container,
      Deployment deployment,
      String name,
      boolean testable,
      Set<String> entries,
      ProtocolMetaData metaData) {}

  /** Inside the deployment's context (precedence below the context handler's 0). */
  public void deploy(@Observes(precedence = -100) EventContext<DeployDeployment> context) {
    DeployDeployment event = context.getEvent();
    DeploymentDescription description = event.getDeployment().getDescription();
    if (!description.isArchiveDeployment()) {
      context.proceed();
      return;
    }
    Archive<?> archive = description.getArchive();
    Set<String> entries = entries(archive);
    if (kept != null
        && kept.container().getName().equals(event.getContainerName())
        && kept.name().equals(archive.getName())
        && kept.testable() == description.testable()
        && kept.entries().equals(entries)) {
      descriptionProducer.set(description);
      deploymentProducer.set(event.getDeployment());
      protocolMetaData.set(kept.metaData());
      event.getDeployment().deployed();
      return;
    }
    release();
    context.proceed();
    if (event.getDeployment().isDeployed()) {
      kept =
          new Kept(
              event.getContainer(),
              event.getDeployment(),
              archive.getName(),
              description.testable(),
              entries,
              protocolMetaData.get());
    }
  }

  /** A class's end leaves the kept deployment deployed; every other deployment goes as usual. */
  public void undeploy(@Observes(precedence = -100) EventContext<UnDeployDeployment> context) {
    Deployment deployment = context.getEvent().getDeployment();
    if (kept != null && !releasing && isKept(deployment)) {
      deployment.undeployed();
      return;
    }
    context.proceed();
  }

  /** Before the containers stop (their observer has precedence 0). */
  public void atSuiteEnd(@Observes(precedence = 100) AfterSuite event) {
    release();
  }

  private boolean isKept(Deployment deployment) {
    DeploymentDescription description = deployment.getDescription();
    return description.isArchiveDeployment()
        && kept.testable() == description.testable()
        && kept.name().equals(description.getArchive().getName())
        && kept.entries().equals(entries(description.getArchive()));
  }

  private void release() {
    if (kept == null) {
      return;
    }
    Kept going = kept;
    kept = null;
    releasing = true;
    try {
      LOG.fine(() -> "undeploying the shared " + going.name());
      undeploy.fire(new UnDeployDeployment(going.container(), going.deployment()));
    } finally {
      releasing = false;
    }
  }

  private static Set<String> entries(Archive<?> archive) {
    return archive.getContent().keySet().stream()
        .map(ArchivePath::get)
        .collect(Collectors.toUnmodifiableSet());
  }
}
