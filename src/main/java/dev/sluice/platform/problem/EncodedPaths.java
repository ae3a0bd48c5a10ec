package dev.sluice.platform.problem;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Request paths no resource of Sluice's can mean: an encoded {@code /}, {@code .} or {@code #}, a
 * backslash, encoded or not, or an encoded control character ({@code %00}: PostgreSQL refuses a NUL
 * in a text parameter). Liberty refuses them before any application (with a bare 400), Undertow
 * (WildFly) decodes them into a path parameter. Sluice refuses them itself with the same problem on
 * both.
 */
public final class EncodedPaths {

  private static final Pattern REFUSED =
      Pattern.compile("%2[fFeE3]|%5[cC]|\\\\|#|%[01][0-9a-fA-F]|%7[fF]");
  private static final String WHY =
      "may not contain an encoded \"/\", \".\", \"#\" or control character, nor a backslash";

  private EncodedPaths() {}

  /** Whether a raw (still encoded) request path is one of those. */
  public static boolean refused(String rawPath) {
    return rawPath != null && REFUSED.matcher(rawPath).find();
  }

  /** The 400 problem naming the path: routing never got as far as naming its parameters. */
  public static Problem problem() {
    return Problem.of(400, "Bad Request", "the request path " + WHY)
        .withErrors(List.of(new Problem.FieldError("path", WHY)));
  }
}
