package dev.sluice.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Liberty work-around marks Liberty's request, and leaves any other alone. */
class LibertyBasicAuditTest {

  /** Stands for Liberty's request class, which has this method. */
  public static class LibertyLikeRequest {
    final Map<String, Object> privateAttributes = new HashMap<>();

    public void setPrivateAttribute(String name, Object value) {
      privateAttributes.put(name, value);
    }
  }

  @Test
  void marksTheAuthenticationTypeAsTheMechanismsOwn() {
    LibertyLikeRequest request = new LibertyLikeRequest();

    LibertyBasicAudit.mark(request);

    assertThat(request.privateAttributes).containsEntry("AUTH_TYPE", SignInMechanism.REALM);
    assertThat(request.privateAttributes.get("AUTH_TYPE")).isNotEqualTo("BASIC");
  }

  @Test
  void anotherServersRequestIsLeftAlone() {
    assertThatCode(() -> LibertyBasicAudit.mark(new Object())).doesNotThrowAnyException();
  }
}
