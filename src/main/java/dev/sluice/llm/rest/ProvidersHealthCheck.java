package dev.sluice.llm.rest;

import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.config.ProviderDirectory;
import dev.sluice.llm.config.ProviderRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the default model's provider can be called. Reports each provider's configuration
 * state ({@code ready}, {@code no key}) and the default model; never a key.
 */
@Readiness
@ApplicationScoped
public class ProvidersHealthCheck implements HealthCheck {

  @Inject ProviderRegistry registry;

  @Override
  public HealthCheckResponse call() {
    ProviderDirectory directory = registry.directory();
    HealthCheckResponseBuilder health =
        HealthCheckResponse.named("providers").withData("defaultModel", directory.defaultModel());
    for (ProviderSettings p : directory.providers()) {
      health.withData(p.name(), p.type().name().toLowerCase() + ", " + state(p));
    }
    boolean defaultUsable =
        directory.catalog().find(directory.defaultModel()).map(directory::available).orElse(false);
    return health.status(defaultUsable).build();
  }

  private static String state(ProviderSettings p) {
    if (p.hasKey()) {
      return "key configured";
    }
    return p.keyRequired() ? "no key (not callable)" : "no key needed";
  }
}
