package dev.sluice.documents.batch.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.documents.batch.ResultKey;
import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.batch.BatchRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubmittedAnalysisTest {

  private static final String BATCH = "b-1";

  @Test
  void aCustomIdLeadsBackToItsResultKeyAlsoForAnalysesWithUnderscores() {
    String document = UUID.randomUUID().toString();
    for (String analysis : List.of("summary", "key_points", "describe_image")) {
      ResultKey key = new ResultKey(BATCH, document, analysis);

      String customId = SubmittedAnalysis.customId(key);

      assertThat(SubmittedAnalysis.keyOf(BATCH, customId)).isEqualTo(key);
    }
  }

  @Test
  void aCustomIdIsOneTheProvidersAccept() {
    ResultKey longest = new ResultKey(BATCH, UUID.randomUUID().toString(), "describe_image");
    ChatRequest request = ChatRequest.of("m", List.of(ChatMessage.user("hi")));

    BatchRequest accepted = new BatchRequest(SubmittedAnalysis.customId(longest), request);

    assertThat(accepted.customId()).hasSizeLessThanOrEqualTo(64);
  }

  @Test
  void anIdThatIsNotOursHasNoKey() {
    assertThat(SubmittedAnalysis.keyOf(BATCH, "no-underscore")).isNull();
    assertThat(SubmittedAnalysis.keyOf(BATCH, "_summary")).isNull();
    assertThat(SubmittedAnalysis.keyOf(BATCH, "doc_")).isNull();
  }
}
