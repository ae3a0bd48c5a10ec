package dev.sluice.documents.batch.webhook;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The operator's exceptions to {@link ReservedAddresses} ({@code sluice.webhooks.allowed-hosts}):
 * host names, IP addresses and CIDR blocks, each optionally for one port only ({@code
 * hooks.internal}, {@code 10.1.2.3:8080}, {@code 10.0.0.0/8}, {@code [fd00::]/8:443}, {@code
 * fd00::/8}). A name is trusted whatever it resolves to; an address or block permits exactly those
 * addresses.
 */
final class AllowList {

  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
  private static final int ANY_PORT = 0;

  /** One entry: a name or a range, and a port or {@link #ANY_PORT}. */
  record Entry(String name, AddressRange range, int port) {

    boolean permits(String host, int targetPort) {
      return name != null && name.equals(normalName(host)) && ports(targetPort);
    }

    boolean permits(InetAddress address, int targetPort) {
      return range != null && range.contains(address) && ports(targetPort);
    }

    private boolean ports(int targetPort) {
      return port == ANY_PORT || port == targetPort;
    }
  }

  private final List<Entry> entries;

  private AllowList(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  static AllowList none() {
    return new AllowList(List.of());
  }

  /**
   * Reads a comma-separated setting. A malformed entry is handed to {@code invalid} and left out,
   * so a typo narrows what is allowed rather than widening it.
   */
  static AllowList parse(String setting, Consumer<String> invalid) {
    List<Entry> entries = new ArrayList<>();
    for (String raw : setting.split(",")) {
      String text = raw.strip();
      if (!text.isEmpty()) {
        entry(text).ifPresentOrElse(entries::add, () -> invalid.accept(text));
      }
    }
    return new AllowList(entries);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether the host name itself is allow-listed for this port. */
  boolean permits(String host, int port) {
    return entries.stream().anyMatch(e -> e.permits(host, port));
  }

  /** Whether this address is allow-listed for this port. */
  boolean permits(InetAddress address, int port) {
    return entries.stream().anyMatch(e -> e.permits(address, port));
  }

  /** A host name compared as DNS does: case-insensitively, a final dot ignored. */
  static String normalName(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  static Optional<Entry> entry(String text) {
    String target = text;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      String after = text.substring(close + 1);
      int colon = after.indexOf(':');
      target = text.substring(1, close) + (colon < 0 ? after : after.substring(0, colon));
      port = colon < 0 ? null : after.substring(colon + 1);
    } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') >= 0) {
      // One colon: host:port. Two or more without brackets: a bare IPv6 address, no port.
      target = text.substring(0, text.indexOf(':'));
      port = text.substring(text.indexOf(':') + 1);
    }
    Optional<Integer> portNumber = port == null ? Optional.of(ANY_PORT) : port(port);
    if (portNumber.isEmpty()) {
      return Optional.empty();
    }
    Optional<AddressRange> range = AddressRange.parse(target);
    if (range.isPresent()) {
      return Optional.of(new Entry(null, range.get(), portNumber.get()));
    }
    String name = normalName(target);
    if (NAME.matcher(name).matches() && !HostLiteral.numeric(name)) {
      return Optional.of(new Entry(name, null, portNumber.get()));
    }
    return Optional.empty();
  }

  private static Optional<Integer> port(String text) {
    if (!text.matches("[0-9]{1,5}")) {
      return Optional.empty();
    }
    int port = Integer.parseInt(text);
    return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
  }
}
