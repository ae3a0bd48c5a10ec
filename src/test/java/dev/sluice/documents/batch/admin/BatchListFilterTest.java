package dev.sluice.documents.batch.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.documents.batch.BatchState;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.rest.PageCursor;
import dev.sluice.platform.rest.PageLimit;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchListFilterTest {

  @Test
  void nothingGivenListsEverythingFiftyAtATime() {
    BatchListFilter filter = BatchListFilter.parse(null, null, null, null, null, null);

    assertThat(filter)
        .isEqualTo(new BatchListFilter(null, null, null, null, PageLimit.CONSOLE_DEFAULT, null));
  }

  @Test
  void blankParametersAreAbsent() {
    BatchListFilter filter = BatchListFilter.parse("", " ", "", "", "", "");

    assertThat(filter.status()).isNull();
    assertThat(filter.owner()).isNull();
    assertThat(filter.cursor()).isNull();
    assertThat(filter.limit()).isEqualTo(50);
  }

  @Test
  void everyFilterCombines() {
    PageCursor<LocalDateTime> last =
        new PageCursor<>(LocalDateTime.parse("2026-11-22T10:00:00.123456"), "b-1");
    String cursor = last.encode();

    BatchListFilter filter =
        BatchListFilter.parse(
            "Stopped", "demo", "2026-11-01T00:00:00Z", "2026-11-23T00:00:00Z", "200", cursor);

    assertThat(filter.status()).isEqualTo(BatchState.STOPPED);
    assertThat(filter.owner()).isEqualTo("demo");
    assertThat(filter.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(filter.to()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    assertThat(filter.limit()).isEqualTo(200);
    assertThat(filter.cursor()).isEqualTo(last);
  }

  @ParameterizedTest
  @CsvSource({
    "status, sleeping",
    "from, yesterday",
    "from, 2026-11-01",
    "to, 2026-13-01T00:00:00Z",
    "limit, 0",
    "limit, 201",
    "limit, ten",
    "cursor, not-a-cursor",
    "cursor, %%",
    "cursor, MTIzNHxrZXktcG9pbnRz"
  })
  void aBadValueIsA400NamingItsParameter(String parameter, String value) {
    assertThatThrownBy(
            () ->
                BatchListFilter.parse(
                    parameter.equals("status") ? value : null,
                    null,
                    parameter.equals("from") ? value : null,
                    parameter.equals("to") ? value : null,
                    parameter.equals("limit") ? value : null,
                    parameter.equals("cursor") ? value : null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors())
                  .extracting(Problem.FieldError::field)
                  .containsExactly(parameter);
            });
  }

  @Test
  void everyBadParameterIsNamedAtOnce() {
    assertThatThrownBy(() -> BatchListFilter.parse("x", null, "y", null, "0", null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().errors())
                    .extracting(Problem.FieldError::field)
                    .containsExactly("status", "from", "limit"));
  }

  @Test
  void toMustBeLaterThanFrom() {
    assertThatThrownBy(
            () ->
                BatchListFilter.parse(
                    null, null, "2026-11-02T00:00:00Z", "2026-11-02T00:00:00Z", null, null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().errors().get(0).field()).isEqualTo("to"));
  }

  @Test
  void anOverlongOwnerIsRefused() {
    assertThatThrownBy(() -> BatchListFilter.parse(null, "x".repeat(256), null, null, null, null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().errors().get(0).field()).isEqualTo("owner"));
  }
}
