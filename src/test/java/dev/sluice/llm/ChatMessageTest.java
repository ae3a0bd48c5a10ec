package dev.sluice.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatMessageTest {

  private static final ContentPart.Image PNG = new ContentPart.Image("image/png", "iVBORw0K");
  private static final ContentPart.Image JPEG = new ContentPart.Image("image/jpeg", "/9j/4AAQ");

  @Test
  void aSingleTextPartIsTheText() {
    ChatMessage message = ChatMessage.user("What is in the picture?");

    assertThat(message.text()).isEqualTo("What is in the picture?");
    assertThat(message.images()).isEmpty();
  }

  @Test
  void textPartsAreJoinedByBlankLinesAndImagesLeftOut() {
    ChatMessage message =
        new ChatMessage(
            Role.USER,
            List.of(new ContentPart.Text("first"), PNG, new ContentPart.Text("second"), JPEG));

    assertThat(message.text()).isEqualTo("first\n\nsecond");
    assertThat(message.images()).containsExactly(PNG, JPEG);
  }

  @Test
  void aMessageOfImagesAloneHasNoText() {
    assertThat(new ChatMessage(Role.USER, List.of(PNG)).text()).isEmpty();
    assertThat(new ChatMessage(Role.USER, List.of(PNG, JPEG)).text()).isEmpty();
  }

  @Test
  void itsImagesCannotBeChangedThroughTheList() {
    ChatMessage message = new ChatMessage(Role.USER, List.of(new ContentPart.Text("look"), PNG));

    assertThat(message.images()).isUnmodifiable();
    assertThat(ChatMessage.user("no images").images()).isUnmodifiable();
  }
}
