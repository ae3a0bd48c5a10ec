package dev.sluice.llm.config;

import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.batch.ProviderBatchApi;
import dev.sluice.llm.batch.ProviderBatchApis;
import dev.sluice.llm.http.HttpClients;
import dev.sluice.platform.config.ConfigView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The server's one {@link ProviderDirectory}, read from MicroProfile Config at startup. A bad
 * configuration fails the deployment with a message naming the key.
 */
@ApplicationScoped
public class ProviderRegistry {

  private static final Logger LOG = Logger.getLogger(ProviderRegistry.class.getName());

  @Inject Config config;
  @Inject ProviderRuntime runtime;

  /** A cap on the requests of one provider batch, below the provider's own limit. */
  static final String MAX_BATCH_REQUESTS = "sluice.provider-batches.max-requests";

  private ProviderDirectory directory;
  private final Map<String, Optional<ProviderBatchApi>> batchApis = new ConcurrentHashMap<>();

  @PostConstruct
  void load() {
    AdapterFactory factory = new AdapterFactory(ConfigView.of(config), runtime);
    directory = ProviderDirectoryReader.read(ConfigView.of(config), factory::create);
    directory.providers().forEach(p -> LOG.info(() -> "LLM provider " + p));
    LOG.info(() -> "default model: " + directory.defaultModel());
  }

  public ProviderDirectory directory() {
    return directory;
  }

  /**
   * The batch API of a configured provider (one client per provider, made on first use); empty for
   * an unknown provider or one whose protocol has none (the simulated provider).
   */
  public Optional<ProviderBatchApi> batchApi(String providerName) {
    return directory
        .provider(providerName)
        .flatMap(
            settings ->
                batchApis.computeIfAbsent(
                    providerName,
                    name ->
                        ProviderBatchApis.forProvider(
                            settings,
                            HttpClients.forProvider(settings, runtime),
                            config
                                .getOptionalValue(MAX_BATCH_REQUESTS, Integer.class)
                                .orElse(Integer.MAX_VALUE))));
  }
}
