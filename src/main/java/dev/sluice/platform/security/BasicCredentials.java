package dev.sluice.platform.security;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads an {@code Authorization: Basic …} header (RFC 7617, UTF-8) into a credential. Strictly: one
 * space, then standard Base64 of {@code name:password}. Liberty decodes an accepted header again
 * after sign-in, and fails on anything looser, so what this class accepts Liberty must read too.
 */
final class BasicCredentials {

  private static final String SCHEME = "Basic ";

  private BasicCredentials() {}

  /** Whether the header asks for Basic sign-in at all, well-formed or not. */
  static boolean present(String header) {
    return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
  }

  /** The name and password; empty when the header is absent, not Basic or malformed. */
  static Optional<UsernamePasswordCredential> parse(String header) {
    if (!present(header)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(SCHEME.length())),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }
}
