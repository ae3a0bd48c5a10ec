package dev.sluice.platform.security;

/**
 * How to ask an anonymous caller of a protected resource to sign in: a browser opening a page is
 * sent to the sign-in page; the chat page's own script (it says so with {@value #CLIENT_HEADER}) is
 * told its session ended without a Basic challenge, which would pop up the browser's password
 * dialog; every other client gets the HTTP Basic challenge.
 */
enum Challenge {
  SIGN_IN_PAGE,
  SESSION_ENDED,
  BASIC;

  /** The header Sluice's pages send with every call; cross-site pages cannot send it. */
  static final String CLIENT_HEADER = "X-Sluice-Client";

  static Challenge of(String method, String accept, String clientHeader, String upgrade) {
    if (clientHeader != null) {
      return SESSION_ENDED;
    }
    boolean pageRequest =
        "GET".equals(method) && upgrade == null && accept != null && accept.contains("text/html");
    return pageRequest ? SIGN_IN_PAGE : BASIC;
  }
}
