package dev.sluice.platform.rest;

import java.util.regex.Pattern;

/** The syntax of a {@code Host} header: RFC 3986's host (a name or an address), then a port. */
final class HostHeader {

  // Each alternative starts with a different character, so a mismatch fails without backtracking.
  private static final Pattern HOST =
      Pattern.compile(
          "(\\[[0-9A-Fa-f:.]+\\]|([A-Za-z0-9\\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+)(:[0-9]{0,5})?");

  private HostHeader() {}

  static boolean valid(String value) {
    return value != null && value.length() <= 255 && HOST.matcher(value).matches();
  }
}
