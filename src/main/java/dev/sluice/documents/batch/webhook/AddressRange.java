package dev.sluice.documents.batch.webhook;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A block of IPv4 or IPv6 addresses in CIDR form ({@code 10.0.0.0/8}, {@code fc00::/7}); a single
 * address is a block of its full length. Only literals are parsed, never names, so no DNS is done.
 */
record AddressRange(byte[] network, int bits) {

  /** The range, or empty when {@code text} is not an address with an optional {@code /bits}. */
  static Optional<AddressRange> parse(String text) {
    int slash = text.indexOf('/');
    Optional<InetAddress> address =
        HostLiteral.strictAddress(slash < 0 ? text : text.substring(0, slash));
    if (address.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = address.get().getAddress();
    int bits = bytes.length * 8;
    if (slash >= 0) {
      String suffix = text.substring(slash + 1);
      if (!suffix.matches("[0-9]{1,3}") || Integer.parseInt(suffix) > bits) {
        return Optional.empty();
      }
      bits = Integer.parseInt(suffix);
    }
    return Optional.of(new AddressRange(bytes, bits));
  }

  /** A range written in code, known to be well formed. */
  static AddressRange of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("bad range " + text));
  }

  boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  boolean contains(byte[] candidate) {
    if (candidate.length != network.length) {
      return false;
    }
    int whole = bits / 8;
    for (int i = 0; i < whole; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = bits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (candidate[whole] & mask) == (network[whole] & mask);
  }
}
