package dev.sluice.documents.batch.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where a webhook may go. At submission only what the URL says is judged (its form, an IP literal,
 * the {@code localhost} names), without DNS; when the webhook is due its host is resolved and every
 * address must be public or allow-listed, since a name may point anywhere by then.
 */
final class WebhookPolicy {

  static final String RESERVED =
      "a loopback, private, link-local, multicast or unspecified address is not allowed"
          + " (an operator may allow-list internal webhook targets)";

  /** DNS, replaceable in tests. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private static final List<InetAddress> LOCALHOST =
      List.of(
          HostLiteral.strictAddress("127.0.0.1").orElseThrow(),
          HostLiteral.strictAddress("::1").orElseThrow());

  private final AllowList allowed;
  private final Resolver resolver;

  WebhookPolicy(AllowList allowed, Resolver resolver) {
    this.allowed = allowed;
    this.resolver = resolver;
  }

  /** Why {@code url} may not be stored, or empty if it may. Does no DNS. */
  Optional<String> refusal(String url) {
    try {
      WebhookUrl parsed = WebhookUrl.parse(url);
      return reserved(parsed, known(parsed.host())).map(a -> RESERVED);
    } catch (IllegalArgumentException wrong) {
      return Optional.of(wrong.getMessage());
    }
  }

  /**
   * Resolves the host now and returns the address to connect to.
   *
   * @throws WebhookForbidden when the URL is malformed or an address is reserved
   * @throws UnknownHostException when DNS has no answer (worth trying again)
   */
  WebhookTarget vet(URI url) throws UnknownHostException {
    WebhookUrl parsed;
    try {
      parsed = WebhookUrl.of(url);
    } catch (IllegalArgumentException wrong) {
      throw new WebhookForbidden(wrong.getMessage());
    }
    List<InetAddress> addresses = known(parsed.host());
    if (addresses.isEmpty()) {
      addresses = List.of(resolver.resolve(parsed.host()));
    }
    Optional<InetAddress> reserved = reserved(parsed, addresses);
    if (reserved.isPresent()) {
      throw new WebhookForbidden(
          parsed.host() + " is " + reserved.get().getHostAddress() + ": " + RESERVED);
    }
    return new WebhookTarget(parsed, new InetSocketAddress(addresses.get(0), parsed.port()));
  }

  /** The addresses a host means without asking DNS: an IP literal or a localhost name. */
  private static List<InetAddress> known(String host) {
    Optional<InetAddress> literal = HostLiteral.strictAddress(host);
    if (literal.isPresent()) {
      return List.of(literal.get());
    }
    String name = AllowList.normalName(host);
    // RFC 6761: localhost and its subdomains are always the loopback interface.
    return name.equals("localhost") || name.endsWith(".localhost") ? LOCALHOST : List.of();
  }

  /** The first address that is reserved and not allow-listed, unless the name is allow-listed. */
  private Optional<InetAddress> reserved(WebhookUrl url, List<InetAddress> addresses) {
    if (allowed.permits(url.host(), url.port())) {
      return Optional.empty();
    }
    return addresses.stream()
        .filter(ReservedAddresses::contains)
        .filter(a -> !allowed.permits(a, url.port()))
        .findFirst();
  }
}
