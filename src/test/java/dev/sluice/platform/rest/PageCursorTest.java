package dev.sluice.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

  private static final String NOT_A_CURSOR =
      "not a cursor from a previous page; use the 'next' value as it came";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-22T11:40:01.123456789",
        "2026-11-22T10:00:00.000001",
        "2026-01-02T03:04:05.123456",
        "2026-01-01T00:00:01",
        "2026-01-01T00:00",
        "0001-01-01T00:00",
        "9999-12-31T23:59:59.999999"
      })
  void aTimeKeySurvivesTheRoundTripExactly(String time) {
    PageCursor<LocalDateTime> cursor =
        new PageCursor<>(LocalDateTime.parse(time), "0f8fad5b-d9cb-469f-a165-70867728950e");

    assertThat(PageCursor.decodeTime(cursor.encode(), "after")).isEqualTo(cursor);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 1234, -7, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void aWholeNumberKeySurvivesTheRoundTrip(int itemNo) {
    PageCursor<Integer> cursor = new PageCursor<>(itemNo, "key-points");

    assertThat(PageCursor.decodeInt(cursor.encode(), "cursor")).isEqualTo(cursor);
  }

  @Test
  void theIdMayHoldTheSeparatorAndAnyText() {
    PageCursor<Integer> cursor = new PageCursor<>(3, "a|b|ünïcødé ✓");

    assertThat(PageCursor.decodeInt(cursor.encode(), "cursor")).isEqualTo(cursor);
  }

  @Test
  void theTokenIsUrlSafeUnpaddedAndOpaque() {
    String token =
        new PageCursor<>(LocalDateTime.parse("2026-11-22T10:00:00.000001"), "b|1").encode();

    assertThat(token)
        .matches("[A-Za-z0-9_-]+")
        .doesNotContain("=", "+", "/", "|")
        .doesNotContain("2026");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullSource
  @ValueSource(strings = {"", " ", "\t"})
  void noCursorIsTheFirstPageOnEveryList(String token) {
    assertThat(PageCursor.decodeTime(token, "after")).isNull();
    assertThat(PageCursor.decodeInt(token, "after")).isNull();
  }

  static Stream<Arguments> notTimeCursors() {
    return Stream.of(
        Arguments.of("not Base64", "%%"),
        Arguments.of("not Base64 either", "%%%"),
        Arguments.of("Base64 but not URL-safe", "fn5+Pz8/"),
        Arguments.of("a word", "not-a-cursor"),
        Arguments.of("no separator", base64("no-separator")),
        Arguments.of("only the separator", base64("|")),
        Arguments.of("no key", base64("|id")),
        Arguments.of("no id", base64("2026-01-01T00:00|")),
        Arguments.of("a year alone", base64("2026|id")),
        Arguments.of("month 13", base64("2026-13-01T00:00|id")),
        Arguments.of("an offset time", base64("2026-01-01T00:00Z|id")),
        Arguments.of("a whole number", base64("1234|id")),
        Arguments.of("a word for a time", base64("seven|summary")),
        Arguments.of("year zero", base64("0000-01-01T00:00|id")),
        Arguments.of("a negative year", base64("-0001-01-01T00:00|id")),
        Arguments.of("a five-digit year", base64("+10000-01-01T00:00|id")),
        Arguments.of("the last LocalDateTime", base64(LocalDateTime.MAX + "|id")),
        Arguments.of("NUL in the key", base64("2026-01-01T00:00\0|id")),
        Arguments.of("NUL in the id", base64("2026-01-01T00:00|i\0d")),
        Arguments.of("NUL as the id", base64("2026-01-01T00:00|\0")),
        Arguments.of("a line break in the id", base64("2026-01-01T00:00|id\n")),
        Arguments.of("not UTF-8", notUtf8("2026-01-01T00:00|id")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notTimeCursors")
  void anythingElseIsA400NamingTheFieldForATime(String what, String token) {
    assertRefused(() -> PageCursor.decodeTime(token, "after"), "after");
  }

  static Stream<Arguments> notWholeNumberCursors() {
    return Stream.of(
        Arguments.of("not Base64", "%%"),
        Arguments.of("no separator", base64("1234")),
        Arguments.of("no key", base64("|key-points")),
        Arguments.of("no id", base64("1234|")),
        Arguments.of("a word", base64("seven|summary")),
        Arguments.of("a time", base64("2026-01-01T00:00|id")),
        Arguments.of("a fraction", base64("1.5|summary")),
        Arguments.of("beyond int", base64("2147483648|summary")),
        Arguments.of("spaces around it", base64(" 12 |summary")),
        Arguments.of("NUL in the id", base64("12|sum\0mary")),
        Arguments.of("not UTF-8", notUtf8("12|summary")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notWholeNumberCursors")
  void anythingElseIsA400NamingTheFieldForAWholeNumber(String what, String token) {
    assertRefused(() -> PageCursor.decodeInt(token, "cursor"), "cursor");
  }

  private static void assertRefused(ThrowingCallable decoding, String field) {
    assertThatThrownBy(decoding)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().detail()).isEqualTo(field + ": " + NOT_A_CURSOR);
              assertThat(e.problem().errors())
                  .extracting(Problem.FieldError::field, Problem.FieldError::message)
                  .containsExactly(tuple(field, NOT_A_CURSOR));
            });
  }

  private static String base64(String plain) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The token of a good cursor but for its last byte, which no UTF-8 text holds. */
  private static String notUtf8(String plain) {
    byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
    bytes[bytes.length - 1] = (byte) 0xFF;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
