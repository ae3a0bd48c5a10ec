package dev.sluice.platform.security;

/**
 * How to ask an anonymous caller of a protected resource to sign in: a browser opening a page is
 * sent to the sign-in page; anything else a browser fetches (the pages' own calls, which say so
 * with {@value #CLIENT_HEADER}, and their scripts, styles and sockets, which browsers mark with
 * {@value #FETCH_MODE_HEADER}) is told its session ended without a Basic challenge, which would pop
 * up the browser's password dialog (and stall a headless one's page load); every other client gets
 * the HTTP Basic challenge.
 */
enum Challenge {
  SIGN_IN_PAGE,
  SESSION_ENDED,
  BASIC;

  /** The header Sluice's pages send with every call; cross-site pages cannot send it. */
  static final String CLIENT_HEADER = "X-Sluice-Client";

  /** The Fetch Metadata header every current browser sends, and other clients do not. */
  static final String FETCH_MODE_HEADER = "Sec-Fetch-Mode";

  static Challenge of(
      String method, String accept, String clientHeader, String upgrade, String fetchMode) {
    if (clientHeader != null) {
      return SESSION_ENDED;
    }
    boolean read = "GET".equals(method) && upgrade == null;
    if (fetchMode != null) {
      return read && fetchMode.equals("navigate") ? SIGN_IN_PAGE : SESSION_ENDED;
    }
    boolean pageRequest = read && accept != null && accept.contains("text/html");
    return pageRequest ? SIGN_IN_PAGE : BASIC;
  }
}
