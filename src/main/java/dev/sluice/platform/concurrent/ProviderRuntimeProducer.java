package dev.sluice.platform.concurrent;

import dev.sluice.llm.ProviderRuntime;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

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

  @Produces
  @ApplicationScoped
  ProviderRuntime providerRuntime() {
    return ProviderRuntime.of(executor, scheduler);
  }
}
