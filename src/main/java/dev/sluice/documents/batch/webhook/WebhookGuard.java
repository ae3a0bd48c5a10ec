package dev.sluice.documents.batch.webhook;

import dev.sluice.documents.batch.WebhookCheck;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured {@link WebhookPolicy}: checks a webhook URL at submission and vets its resolved
 * address before each delivery. The allow-list is {@code sluice.webhooks.allowed-hosts}.
 */
@ApplicationScoped
public class WebhookGuard implements WebhookCheck {

  private static final Logger LOG = Logger.getLogger(WebhookGuard.class.getName());

  @Inject
  @ConfigProperty(name = "sluice.webhooks.allowed-hosts")
  Optional<String> allowedHosts;

  private WebhookPolicy policy;

  @PostConstruct
  void init() {
    AllowList allowed =
        AllowList.parse(
            allowedHosts.orElse(""),
            bad ->
                LOG.severe(
                    () ->
                        "sluice.webhooks.allowed-hosts: ignoring '"
                            + bad
                            + "' (a host name, IP address or CIDR block, optionally :port)"));
    if (!allowed.isEmpty()) {
      LOG.info(() -> "webhooks may reach these internal targets: " + allowedHosts.orElse(""));
    }
    policy = new WebhookPolicy(allowed, InetAddress::getAllByName);
  }

  @Override
  public Optional<String> refusal(String url) {
    return policy.refusal(url);
  }

  /** Resolves the webhook's host now; see {@link WebhookPolicy#vet}. */
  public WebhookTarget vet(URI url) throws UnknownHostException {
    return policy.vet(url);
  }
}
