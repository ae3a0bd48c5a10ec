package dev.sluice.platform.security;

/**
 * Where to go after sign-in: only a path on this server, so the sign-in page cannot be used to send
 * a user to another site (open redirect).
 */
final class SafeRedirect {

  static final String HOME = "/chat/";

  private SafeRedirect() {}

  static String target(String requested) {
    if (requested == null
        || !requested.startsWith("/")
        || requested.startsWith("//")
        || requested.startsWith("/\\")
        || requested.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
      return HOME;
    }
    return requested;
  }
}
