package dev.sluice.documents.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.documents.batch.BatchItem.Check;
import org.junit.jupiter.api.Test;

class BatchItemTest {

  @Test
  void aDeletedDocumentIsGoneWhateverItWas() {
    assertThat(Check.of(null, false)).isEqualTo(Check.DOCUMENT_GONE);
    assertThat(Check.of(null, true)).isEqualTo(Check.DOCUMENT_GONE);
  }

  @Test
  void onlyATextDocumentNeedsText() {
    assertThat(Check.of("text/plain", false)).isEqualTo(Check.NO_TEXT);
    assertThat(Check.of("application/pdf", false)).isEqualTo(Check.NO_TEXT);
    assertThat(Check.of("text/markdown", true)).isEqualTo(Check.USABLE);
    assertThat(Check.of("image/png", false)).isEqualTo(Check.USABLE);
    assertThat(Check.of("audio/mpeg", false)).isEqualTo(Check.USABLE); // transcribed on the way
  }

  @Test
  void theProcessorPassesAUsableItemAndSkipsTheOthersWithTheirReason() throws Exception {
    DocumentCheckProcessor processor = new DocumentCheckProcessor();
    BatchItem usable = new BatchItem(1, "d1", Check.USABLE);
    BatchItem empty = new BatchItem(2, "d2", Check.NO_TEXT);

    assertThat(processor.processItem(usable)).isSameAs(usable);
    assertThatThrownBy(() -> processor.processItem(empty))
        .isInstanceOfSatisfying(
            UnusableDocumentException.class,
            e -> {
              assertThat(e.item()).isSameAs(empty);
              assertThat(e.code()).isEqualTo("NO_TEXT");
              assertThat(e.getMessage()).isEqualTo("the document has no text to analyse");
            });
  }
}
