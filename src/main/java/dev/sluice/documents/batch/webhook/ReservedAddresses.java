package dev.sluice.documents.batch.webhook;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses a webhook may not reach unless allow-listed: loopback, unspecified, link-local,
 * private (RFC 1918, shared CGNAT space, unique local IPv6), multicast, broadcast and other special
 * purpose blocks; and IPv6 forms that carry one of those IPv4 addresses inside (mapped, compatible,
 * NAT64, 6to4).
 */
final class ReservedAddresses {

  private static final List<AddressRange> RANGES =
      List.of(
          AddressRange.of("0.0.0.0/8"), // "this network"; 0.0.0.0 reaches the local host
          AddressRange.of("10.0.0.0/8"),
          AddressRange.of("100.64.0.0/10"), // carrier-grade NAT
          AddressRange.of("127.0.0.0/8"),
          AddressRange.of("169.254.0.0/16"), // link-local, cloud metadata services
          AddressRange.of("172.16.0.0/12"),
          AddressRange.of("192.0.0.0/24"), // IETF protocol assignments
          AddressRange.of("192.168.0.0/16"),
          AddressRange.of("198.18.0.0/15"), // benchmarking
          AddressRange.of("224.0.0.0/4"), // multicast
          AddressRange.of("240.0.0.0/4"), // reserved, with the broadcast address
          AddressRange.of("::/128"),
          AddressRange.of("::1/128"),
          AddressRange.of("64:ff9b:1::/48"), // local-use NAT64
          AddressRange.of("100::/64"), // discard-only
          AddressRange.of("2001::/32"), // Teredo: its client address is hidden in the bits
          AddressRange.of("fc00::/7"), // unique local
          AddressRange.of("fe80::/10"),
          AddressRange.of("fec0::/10"), // the old site-local
          AddressRange.of("ff00::/8"));

  // Written as bytes: InetAddress turns a mapped literal into its IPv4 address.
  private static final AddressRange MAPPED =
      new AddressRange(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0}, 96);
  private static final AddressRange COMPATIBLE = AddressRange.of("::/96");
  private static final AddressRange NAT64 = AddressRange.of("64:ff9b::/96");
  private static final AddressRange SIX_TO_FOUR = AddressRange.of("2002::/16");

  private ReservedAddresses() {}

  static boolean contains(InetAddress address) {
    return address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()
        || reserved(address.getAddress());
  }

  private static boolean reserved(byte[] bytes) {
    if (RANGES.stream().anyMatch(r -> r.contains(bytes))) {
      return true;
    }
    if (bytes.length == 16) {
      if (MAPPED.contains(bytes) || COMPATIBLE.contains(bytes) || NAT64.contains(bytes)) {
        return reserved(Arrays.copyOfRange(bytes, 12, 16));
      }
      if (SIX_TO_FOUR.contains(bytes)) {
        return reserved(Arrays.copyOfRange(bytes, 2, 6));
      }
    }
    return false;
  }
}
