package dev.sluice.documents.batch.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads IP literals without DNS. Only the canonical forms count as addresses ({@code a.b.c.d} in
 * decimal, IPv6 with or without brackets); anything else whose last label is a number ({@code
 * 2130706433}, {@code 127.1}, {@code 0x7f.1}, {@code 0177.0.0.1}) is <em>ambiguous</em>: resolvers
 * disagree on what it means (Java reads {@code 0177} as decimal, the C library as octal), so it is
 * refused rather than guessed.
 */
final class HostLiteral {

  private static final Pattern QUAD =
      Pattern.compile(
          "(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

  private HostLiteral() {}

  /** The address {@code text} spells in a canonical form, or empty (also for names). */
  static Optional<InetAddress> strictAddress(String text) {
    String bare = text;
    if (bare.startsWith("[") && bare.endsWith("]")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    int zone = bare.indexOf('%');
    if (zone >= 0 && bare.contains(":")) {
      // A zone (fe80::1%eth0) picks an interface, not an address: the address alone is judged.
      bare = bare.substring(0, zone);
    }
    if (QUAD.matcher(bare).matches()) {
      return ipv4(bare);
    }
    if (bare.contains(":") && IPV6.matcher(bare).matches()) {
      try {
        // Bracketed, InetAddress parses the literal and never asks DNS.
        return Optional.of(InetAddress.getByName("[" + bare + "]"));
      } catch (UnknownHostException malformed) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Whether {@code host} would be read as a number by some resolver, so is no DNS name. */
  static boolean numeric(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String last = name.substring(name.lastIndexOf('.') + 1);
    return NUMBER.matcher(last).matches();
  }

  private static Optional<InetAddress> ipv4(String quad) {
    String[] parts = quad.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int value = Integer.parseInt(parts[i]);
      if (value > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) value;
    }
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException impossible) {
      return Optional.empty();
    }
  }
}
