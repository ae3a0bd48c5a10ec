package dev.sluice.platform.security;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;

/**
 * Works around Open Liberty's audit of a refused Basic header. After a Jakarta Security mechanism
 * has answered, Liberty decodes an {@code Authorization: Basic} header once more to record the
 * caller's name, if the request's authentication type is BASIC (its default when {@code web.xml}
 * names none, which it must not with a mechanism); a header that is not Base64 of {@code
 * name:password} makes that code throw, and the caller would get a 500 instead of the mechanism's
 * 401. Marking the request's type as the mechanism's own skips the decoding. Liberty keeps the type
 * in a private request attribute, reached by reflection; on another server this does nothing.
 */
final class LibertyBasicAudit {

  private static final String TYPE_ATTRIBUTE = "AUTH_TYPE";

  private LibertyBasicAudit() {}

  /** Keeps Liberty from decoding this request's Basic header after the mechanism refused it. */
  static void skip(ServletRequest request) {
    ServletRequest inner = request;
    while (inner instanceof ServletRequestWrapper wrapper) {
      inner = wrapper.getRequest();
    }
    mark(inner);
  }

  /** Sets the type on the container's own request object, if it is Liberty's. */
  static void mark(Object containerRequest) {
    try {
      containerRequest
          .getClass()
          .getMethod("setPrivateAttribute", String.class, Object.class)
          .invoke(containerRequest, TYPE_ATTRIBUTE, SignInMechanism.REALM);
    } catch (ReflectiveOperationException | RuntimeException notLiberty) {
      // Not Liberty's request, or not this version's: there is no such audit to skip.
    }
  }
}
