package dev.sluice.llm;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Gives the provider layer the container's default managed executors (portable {@code java:comp}
 * names), so HTTP callbacks, timeouts and simulated pacing run on threads the server manages and
 * bounds rather than on threads Sluice creates.
 */
@ApplicationScoped
public class ProviderRuntimeProducer {

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  // A record cannot be proxied, so the one instance is a singleton rather than application-scoped.
  @Produces
  @Singleton
  ProviderRuntime providerRuntime() {
    return ProviderRuntime.of(executor, scheduler);
  }
}
