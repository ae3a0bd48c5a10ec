package dev.sluice.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

  @Test
  void aWellFormedFormIsDecoded() {
    assertThat(FormFields.parse("username=demo&password=p%40ss+word&next=%2Fchat%2F"))
        .contains(Map.of("username", "demo", "password", "p@ss word", "next", "/chat/"));
    assertThat(FormFields.parse("")).contains(Map.of());
    assertThat(FormFields.parse("flag&x=")).contains(Map.of("flag", "", "x", ""));
  }

  @Test
  void theFirstOfRepeatedFieldsCounts() {
    assertThat(FormFields.parse("username=a&username=b")).contains(Map.of("username", "a"));
  }

  @Test
  void aStrayOrBadEscapeMakesTheWholeBodyMalformed() {
    for (String body :
        new String[] {
          "%%%", "username=%zz&password=%", "username=demo&password=x&next=%G1", "a%"
        }) {
      assertThat(FormFields.parse(body)).as(body).isEmpty();
    }
  }
}
