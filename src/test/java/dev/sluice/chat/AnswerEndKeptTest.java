package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Priority;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.Usage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The call's generation record waits for the answer's end to be written: were it written first, a
 * crash between the two would leave a completed call on record for an answer still streaming, which
 * recovery asks again (two completed records for one answer, as the cluster test once found).
 */
class AnswerEndKeptTest {

  private static final JobPlan JOB =
      new JobPlan("alice", "chat-1", "answer-1", "sim-small", Priority.NORMAL, null, List.of());

  private final CompletableFuture<Boolean> completion = new CompletableFuture<>();
  private final CompletableFuture<Boolean> ending = new CompletableFuture<>();

  private final AnswerLedger ledger =
      new AnswerLedger() {
        @Override
        public CompletableFuture<Boolean> complete(
            String messageId, AnswerRecord answer, String owner) {
          return completion;
        }
      };

  private final ChatJobStore store =
      new ChatJobStore() {
        @Override
        public boolean end(
            String messageId,
            MessageStatus status,
            String partial,
            String code,
            String reason,
            String attempts,
            String owner) {
          // Not this owner's to end any more (recovered meanwhile): nothing is announced.
          return ending.join();
        }
      };

  private final AnswerWriter writer =
      new AnswerWriter(
          JOB,
          new ChatJobRunner.Parts(
              store, ledger, null, null, Runnable::run, 8, Duration.ofSeconds(2)));

  @Test
  void aCompletedCallIsRecordedOnlyAfterItsAnswersCompletionIsWritten() {
    writer.finish(answer(), null, List::of);
    CompletionStage<Void> kept = writer.endKept();

    assertThat(kept.toCompletableFuture()).isNotDone();
    completion.complete(false);
    assertThat(kept.toCompletableFuture()).isDone();
  }

  @Test
  void aCompletionThatCouldNotBeWrittenStillLetsTheCallBeRecorded() {
    writer.finish(answer(), null, List::of);

    completion.completeExceptionally(new IllegalStateException("database down"));

    assertThat(writer.endKept().toCompletableFuture()).isCompleted();
  }

  @Test
  void aFailedCallIsRecordedOnlyAfterItsAnswersEndIsWritten() {
    CompletableFuture<Void> finishing =
        CompletableFuture.runAsync(
            () ->
                writer.finish(
                    null,
                    LlmException.builder(LlmErrorKind.SERVER_ERROR, "HTTP 500").build(),
                    List::of));

    assertThat(writer.endKept().toCompletableFuture()).isNotDone();
    ending.complete(false);
    finishing.join();
    assertThat(writer.endKept().toCompletableFuture()).isCompleted();
  }

  @Test
  void nothingIsKeptBeforeTheCallEnds() {
    assertThat(writer.endKept().toCompletableFuture()).isNotDone();
  }

  private static ChatResult answer() {
    return new ChatResult(
        "Hello.",
        new Usage(3, 2, 0),
        FinishReason.STOP,
        "sim-small",
        "sim-small",
        "simulated",
        null,
        Duration.ofMillis(5),
        Duration.ofMillis(20),
        null,
        dev.sluice.llm.RateLimitSnapshot.NONE);
  }
}
