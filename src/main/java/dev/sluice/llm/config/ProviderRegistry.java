package dev.sluice.llm.config;

import dev.sluice.llm.ProviderRuntime;
import dev.sluice.platform.config.ConfigView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  private ProviderDirectory directory;

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
}
