package dev.sluice.chat.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestTextTest {

  @Test
  void aRequestInOneFrameIsWholeAtOnce() throws Exception {
    assertThat(new RequestText(10).add("{\"a\":1}", true)).contains("{\"a\":1}");
  }

  @Test
  void framesAreJoinedUntilTheLast() throws Exception {
    RequestText request = new RequestText(20);

    assertThat(request.add("{\"type\"", false)).isEmpty();
    assertThat(request.add(":\"resume\"", false)).isEmpty();
    assertThat(request.add("}", true)).contains("{\"type\":\"resume\"}");
    assertThat(request.add("next", true)).as("the next request starts afresh").contains("next");
  }

  @Test
  void manySmallFramesCannotMakeALongRequest() throws Exception {
    RequestText request = new RequestText(10);
    request.add("12345", false);
    request.add("67890", false);

    assertThatThrownBy(() -> request.add("x", false))
        .isInstanceOf(RequestText.TooLong.class)
        .hasMessageContaining("10");
  }

  @Test
  void exactlyTheBoundIsAllowed() throws Exception {
    RequestText request = new RequestText(10);
    request.add("12345", false);

    assertThat(request.add("67890", true)).contains("1234567890");
  }
}
