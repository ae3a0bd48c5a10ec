package dev.sluice.documents.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.admission.Priority;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.platform.problem.Problem.FieldError;
import dev.sluice.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchDraftTest {

  private static final BatchDraft.Limits LIMITS = new BatchDraft.Limits(64, 16, 8, 4);
  private static final WebhookCheck HTTP_ONLY =
      url -> url.startsWith("http") ? Optional.empty() : Optional.of("an absolute http URL");

  @Test
  void defaultsAreBatchPriorityAndTheConfiguredParallelism() {
    BatchDraft draft =
        BatchDraft.of(
            request(List.of("summary", "KEY_POINTS", "summary"), null, null, null, null, null),
            m -> true,
            LIMITS,
            HTTP_ONLY);

    assertThat(draft.analyses()).containsExactly(AnalysisKind.SUMMARY, AnalysisKind.KEY_POINTS);
    assertThat(draft.priority()).isEqualTo(Priority.BATCH);
    assertThat(draft.maxConcurrency()).isEqualTo(8);
    assertThat(draft.partitions()).isEqualTo(4);
    assertThat(draft.model()).isNull();
  }

  @Test
  void everyWrongFieldIsNamedAtOnce() {
    ProblemException problem =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                BatchDraft.of(
                    request(
                        List.of("summary", "poetry", "custom"),
                        "no-such-model",
                        "soon",
                        0,
                        17,
                        "ftp://x"),
                    m -> false,
                    LIMITS,
                    HTTP_ONLY));

    assertThat(problem.problem().status()).isEqualTo(400);
    assertThat(problem.problem().errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "analyses",
            "model",
            "priority",
            "maxConcurrency",
            "partitions",
            "customInstruction",
            "webhookUrl");
  }

  @Test
  void noAnalysisIsAnError() {
    ProblemException problem =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                BatchDraft.of(
                    request(List.of(), null, null, null, null, null),
                    m -> true,
                    LIMITS,
                    HTTP_ONLY));

    assertThat(problem.problem().errors())
        .extracting(FieldError::field)
        .containsExactly("analyses");
  }

  @Test
  void theWebhookIsStrippedCheckedAndAtMost2000Characters() {
    List<String> checked = new ArrayList<>();
    WebhookCheck recording =
        url -> {
          checked.add(url);
          return Optional.empty();
        };
    String hook = "https://hooks.example.com/";

    BatchDraft draft =
        BatchDraft.of(
            request(List.of("summary"), null, null, null, null, "  " + hook + "  "),
            m -> true,
            LIMITS,
            recording);
    ProblemException tooLong =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                BatchDraft.of(
                    request(List.of("summary"), null, null, null, null, hook + "a".repeat(2000)),
                    m -> true,
                    LIMITS,
                    recording));

    assertThat(draft.webhookUrl()).isEqualTo(hook);
    assertThat(checked).containsExactly(hook);
    assertThat(tooLong.problem().status()).isEqualTo(400);
    assertThat(tooLong.problem().errors())
        .containsExactly(new FieldError("webhookUrl", "at most 2000 characters"));
  }

  @Test
  void aRefusedWebhookNamesTheFieldWithTheCheckersReason() {
    ProblemException problem =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                BatchDraft.of(
                    request(List.of("summary"), null, null, null, null, "http://127.0.0.1/"),
                    m -> true,
                    LIMITS,
                    url -> Optional.of("not there")));

    assertThat(problem.problem().errors())
        .containsExactly(new FieldError("webhookUrl", "not there"));
  }

  @Test
  void theModeIsInteractiveUnlessProviderIsAskedForAndAnUnknownModeIsNamed() {
    assertThat(draft(null).mode()).isEqualTo(BatchMode.INTERACTIVE);
    assertThat(draft(" Provider ").mode()).isEqualTo(BatchMode.PROVIDER);
    assertThat(draft("interactive").mode()).isEqualTo(BatchMode.INTERACTIVE);

    ProblemException problem =
        catchThrowableOfType(ProblemException.class, () -> draft("overnight"));

    assertThat(problem.problem().errors())
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                "mode", "unknown mode 'overnight'; use interactive or provider"));
  }

  private static BatchDraft draft(String mode) {
    return BatchDraft.of(
        new BatchRequest(
            List.of("d1"), null, List.of("summary"), null, null, null, null, null, null, mode),
        m -> true,
        LIMITS,
        HTTP_ONLY);
  }

  private static BatchRequest request(
      List<String> analyses,
      String model,
      String priority,
      Integer concurrency,
      Integer partitions,
      String webhook) {
    return new BatchRequest(
        List.of("d1"),
        null,
        analyses,
        model,
        priority,
        concurrency,
        partitions,
        null,
        webhook,
        null);
  }
}
