package dev.sluice.documents.batch.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReservedAddressesTest {

  @ParameterizedTest(name = "{0} reserved: {1}")
  @CsvSource({
    "127.0.0.1, true",
    "127.255.255.254, true",
    "0.0.0.0, true",
    "0.1.2.3, true",
    "10.0.0.1, true",
    "172.16.0.1, true",
    "172.31.255.255, true",
    "172.32.0.1, false",
    "192.168.1.1, true",
    "169.254.169.254, true",
    "100.64.0.1, true",
    "100.127.255.255, true",
    "100.128.0.1, false",
    "224.0.0.1, true",
    "239.255.255.250, true",
    "255.255.255.255, true",
    "240.0.0.1, true",
    "198.18.0.1, true",
    "192.0.0.8, true",
    "8.8.8.8, false",
    "93.184.216.34, false",
    "::, true",
    "::1, true",
    "fe80::1, true",
    "fec0::1, true",
    "fc00::1, true",
    "fd12:3456::1, true",
    "ff02::1, true",
    "::ffff:127.0.0.1, true",
    "::ffff:10.0.0.1, true",
    "::ffff:8.8.8.8, false",
    "::127.0.0.1, true",
    "64:ff9b::7f00:1, true",
    "64:ff9b::808:808, false",
    "2002:7f00:1::1, true",
    "2002:808:808::1, false",
    "2001:0:4136:e378::1, true",
    "2606:4700:4700::1111, false",
  })
  void classifiesAddresses(String literal, boolean reserved) {
    assertThat(ReservedAddresses.contains(address(literal))).isEqualTo(reserved);
  }

  @ParameterizedTest(name = "mapped {0} is reserved like its IPv4 address")
  @CsvSource({"127.0.0.1", "192.168.0.1", "0.0.0.0"})
  void anIpv6AddressObjectHoldingAMappedAddressIsJudgedByIt(String ipv4) throws Exception {
    byte[] v4 = address(ipv4).getAddress();
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(v4, 0, mapped, 12, 4);
    // Inet6Address.getByAddress keeps the IPv6 form that InetAddress.getByName would unwrap.
    assertThat(ReservedAddresses.contains(java.net.Inet6Address.getByAddress(null, mapped, null)))
        .isTrue();
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
