package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.admission.Priority;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageDraftTest {

  private static final Set<String> CATALOG = Set.of("sim-large", "sim-small");

  private static MessageDraft draft(String content, String priority, String model) {
    return MessageDraft.of(content, priority, model, 100, CATALOG::contains, "sim-large");
  }

  @Test
  void absentPriorityAndModelTakeTheDefaults() {
    MessageDraft draft = draft("Hello", null, " ");

    assertThat(draft.priority()).isEqualTo(Priority.HIGH);
    assertThat(draft.model()).isEqualTo("sim-large");
    assertThat(draft.content()).isEqualTo("Hello");
  }

  @Test
  void withoutItsChatANamedModelIsCheckedAtOnceAndNoneIsLeftForTheChat() {
    MessageDraft unnamed = MessageDraft.withoutChat("Hello", null, " ", 100, CATALOG::contains);
    MessageDraft named =
        MessageDraft.withoutChat("Hello", "low", "sim-small ", 100, CATALOG::contains);

    assertThat(unnamed.model()).isNull();
    assertThat(unnamed.priority()).isEqualTo(Priority.HIGH);
    assertThat(named.model()).isEqualTo("sim-small");
    assertThat(named.priority()).isEqualTo(Priority.LOW);
    assertField(
        () -> MessageDraft.withoutChat("Hello", null, "gpt-9", 100, CATALOG::contains), "model");
    assertField(() -> MessageDraft.withoutChat(" ", null, null, 100, CATALOG::contains), "content");
    assertField(
        () -> MessageDraft.withoutChat("Hello", "batch", null, 100, CATALOG::contains), "priority");
  }

  @Test
  void interactivePrioritiesParseInAnyCase() {
    assertThat(draft("x", "urgent", null).priority()).isEqualTo(Priority.URGENT);
    assertThat(draft("x", "Normal", null).priority()).isEqualTo(Priority.NORMAL);
    assertThat(draft("x", "LOW", "sim-small").priority()).isEqualTo(Priority.LOW);
  }

  @Test
  void contentLimitIsInclusive() {
    assertThat(draft("c".repeat(100), null, null).content()).hasSize(100);
    assertField(() -> draft("c".repeat(101), null, null), "content");
  }

  @Test
  void emptyOrBlankContentIsRefused() {
    assertField(() -> draft(null, null, null), "content");
    assertField(() -> draft(" \n ", null, null), "content");
  }

  @Test
  void batchAndUnknownPrioritiesAreRefused() {
    assertField(() -> draft("x", "batch", null), "priority");
    assertField(() -> draft("x", "asap", null), "priority");
  }

  @Test
  void aModelOutsideTheCatalogIsRefused() {
    assertField(() -> draft("x", null, "gpt-17"), "model");
  }

  private static void assertField(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              Problem problem = e.problem();
              assertThat(problem.status()).isEqualTo(400);
              assertThat(problem.errors())
                  .extracting(Problem.FieldError::field)
                  .containsExactly(field);
            });
  }
}
