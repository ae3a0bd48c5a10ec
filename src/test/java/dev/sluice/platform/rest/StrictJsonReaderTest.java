package dev.sluice.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictJsonReaderTest {

  enum Kind {
    SUMMARY,
    SENTIMENT
  }

  record Filter(String title) {}

  record Doc(String title, String text) {}

  record Order(
      List<String> ids,
      Filter filter,
      Integer maxConcurrency,
      int partitions,
      long budget,
      Boolean urgent,
      double ratio,
      Kind kind,
      List<Doc> documents,
      @JsonbProperty("renamed") String original) {}

  record WithMap(Map<String, String> tags) {}

  private final StrictJsonReader reader = new StrictJsonReader();

  @Test
  void aWellTypedBodyIsBoundWholly() throws IOException {
    Order order =
        read(
            Order.class,
            """
            {"ids":["a","b"],"filter":{"title":"t"},"maxConcurrency":4,"partitions":2,
             "budget":1e3,"urgent":true,"ratio":0.5,"kind":"SENTIMENT","unknown":[1,{"x":2}],
             "documents":[{"title":"d","text":"x"}],"renamed":"r"}
            """);

    assertThat(order)
        .isEqualTo(
            new Order(
                List.of("a", "b"),
                new Filter("t"),
                4,
                2,
                1000L,
                true,
                0.5,
                Kind.SENTIMENT,
                List.of(new Doc("d", "x")),
                "r"));
  }

  @Test
  void absentAndNullMembersAreNullOrZero() throws IOException {
    assertThat(read(Order.class, "{\"maxConcurrency\":null,\"filter\":null,\"ids\":null}"))
        .isEqualTo(new Order(null, null, null, 0, 0, null, 0, null, null, null));
  }

  @Test
  void anEmptyBodyIsNullSoTheResourceNamesTheRequiredField() throws IOException {
    assertThat(read(Doc.class, "")).isNull();
    assertThat(read(Doc.class, " \r\n\t ")).isNull();
  }

  @Test
  void whitespaceAroundTheValueIsFine() throws IOException {
    assertThat(read(Doc.class, "\n  {\"title\":\"a\",\"text\":\"b\"}  \n\n"))
        .isEqualTo(new Doc("a", "b"));
  }

  @Test
  void aUtf16BodyIsReadInItsCharset() throws IOException {
    byte[] body = "{\"title\":\"Grüße\"}".getBytes(StandardCharsets.UTF_16);
    MediaType utf16 = new MediaType("application", "json", "UTF-16");

    assertThat(reader.readFrom(cast(Doc.class), Doc.class, null, utf16, null, stream(body)))
        .isEqualTo(new Doc("Grüße", null));
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // the cases
        "{\"title\":\"a\",\"text\":\"b\"} trailing | body | unexpected content after the JSON value",
        "{\"title\":\"a\",\"text\":\"b\"}{} | body | unexpected content after the JSON value",
        "[{\"title\":\"a\",\"text\":\"b\"}] | body | must be a JSON object",
        "{\"title\":1,\"text\":\"b\"} | title | must be a string",
        "{\"title\":\"a\",\"text\":true} | text | must be a string",
        "{\"title\":{},\"text\":\"b\"} | title | must be a string",
        // not JSON at all
        "{\"title\":\"a\", | body | not valid JSON",
        "{'title':'a'} | body | not valid JSON",
        "nope | body | not valid JSON",
        "\"just a string\" | body | must be a JSON object",
        "42 | body | must be a JSON object",
        "null | body | must be a JSON object",
        "{\"title\":\"a\",\"title\":\"b\"} | title | given more than once",
        "{\"documents\":[{\"text\":\"a\",\"text\":\"b\"}]} | documents[0].text | given more than once",
      })
  void aBadDocumentIsA400NamingWhereItIsWrong(String body, String field, String message) {
    Class<? extends Record> type = body.contains("documents") ? Order.class : Doc.class;

    assertRefused(type, body, field, message);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"maxConcurrency\":1.5} | maxConcurrency | must be an integer",
        "{\"maxConcurrency\":\"4\"} | maxConcurrency | must be an integer",
        "{\"maxConcurrency\":true} | maxConcurrency | must be an integer",
        "{\"maxConcurrency\":[4]} | maxConcurrency | must be an integer",
        "{\"maxConcurrency\":2147483648} | maxConcurrency | must be an integer from -2147483648 to 2147483647",
        "{\"maxConcurrency\":1e999999999} | maxConcurrency | must be an integer from -2147483648 to 2147483647",
        "{\"maxConcurrency\":1e9999999999} | maxConcurrency | a number out of any range",
        "{\"maxConcurrency\":1e-999999999} | maxConcurrency | must be an integer",
        "{\"partitions\":null} | partitions | must be an integer",
        "{\"budget\":9223372036854775808} | budget | must be an integer from",
        "{\"ratio\":\"0.5\"} | ratio | must be a number",
        "{\"ratio\":1e400} | ratio | must be a number",
        "{\"urgent\":\"true\"} | urgent | must be true or false",
        "{\"urgent\":1} | urgent | must be true or false",
        "{\"kind\":\"summary\"} | kind | must be one of SUMMARY, SENTIMENT",
        "{\"kind\":0} | kind | must be one of SUMMARY, SENTIMENT",
        "{\"ids\":\"a\"} | ids | must be an array",
        "{\"ids\":[\"a\",2]} | ids[1] | must be a string",
        "{\"ids\":[\"a\",null]} | ids[1] | must be a string",
        "{\"filter\":[]} | filter | must be a JSON object",
        "{\"filter\":{\"title\":5}} | filter.title | must be a string",
        "{\"documents\":[{\"title\":\"a\",\"text\":\"b\"},{},{\"title\":7}]} | documents[2].title | must be a string",
        "{\"renamed\":3} | renamed | must be a string",
      })
  void aMemberOfTheWrongTypeIsA400NamingIt(String body, String field, String message) {
    assertRefused(Order.class, body, field, message);
  }

  @Test
  void contentOnALaterLineIsFoundToo() {
    assertRefused(
        Doc.class,
        "\n\n   {\"title\":\"a\"}\n\n]",
        "body",
        "unexpected content after the JSON value");
    assertRefused(Doc.class, "\n  {\"title\":'a'}", "body", "not valid JSON");
  }

  @Test
  void everyWrongMemberIsNamedInOneProblem() {
    Problem problem =
        refused(Order.class, "{\"maxConcurrency\":\"4\",\"partitions\":1.5,\"ids\":[1]}");

    assertThat(problem.errors())
        .extracting(Problem.FieldError::field)
        .containsExactlyInAnyOrder("maxConcurrency", "partitions", "ids[0]");
  }

  @Test
  void wholeNumbersWrittenWithAFractionOrExponentAreIntegers() throws IOException {
    Order order = read(Order.class, "{\"maxConcurrency\":4.0,\"partitions\":2E1,\"budget\":-0}");

    assertThat(order.maxConcurrency()).isEqualTo(4);
    assertThat(order.partitions()).isEqualTo(20);
    assertThat(order.budget()).isZero();
  }

  @Test
  void aNulCharacterInAStringIsRefusedNamingItsMember() {
    // PostgreSQL stores no NUL in text: the bad-input corpus saw 500s for it there.
    assertRefused(Doc.class, "{\"title\":\"a\\u0000b\"}", "title", "must not contain the NUL");
  }

  @Test
  void nestingDeeperThanAnyRequestNeedsIsRefusedBeforeItFillsTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    assertRefused(Doc.class, "{\"title\":" + deep + "}", "body", "nested more than 32 levels");
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] body = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, '"', '}'};

    ProblemException refused =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                reader.readFrom(
                    cast(Doc.class),
                    Doc.class,
                    null,
                    MediaType.APPLICATION_JSON_TYPE,
                    null,
                    stream(body)));

    assertThat(refused.problem().errors())
        .containsExactly(new Problem.FieldError("body", "not valid UTF-8 text"));
  }

  @Test
  void onlyRecordsOfJsonTypesAreTakenFromJsonB() {
    assertThat(reader.isReadable(Order.class, Order.class, null, MediaType.APPLICATION_JSON_TYPE))
        .isTrue();
    assertThat(reader.isReadable(WithMap.class, WithMap.class, null, null)).isFalse();
    assertThat(reader.isReadable(String.class, String.class, null, null)).isFalse();
  }

  private void assertRefused(
      Class<? extends Record> type, String body, String field, String message) {
    Problem problem = refused(type, body);

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors()).as(body).hasSize(1);
    assertThat(problem.errors().get(0).field()).as(body).isEqualTo(field);
    assertThat(problem.errors().get(0).message()).as(body).startsWith(message);
    assertThat(problem.detail()).startsWith(field + ": ");
  }

  private Problem refused(Class<? extends Record> type, String body) {
    ProblemException refused = catchThrowableOfType(ProblemException.class, () -> read(type, body));
    assertThat(refused).as(body).isNotNull();
    return refused.problem();
  }

  private <T extends Record> T read(Class<T> type, String body) throws IOException {
    return type.cast(
        reader.readFrom(
            cast(type),
            type,
            null,
            MediaType.APPLICATION_JSON_TYPE,
            null,
            stream(body.getBytes(StandardCharsets.UTF_8))));
  }

  @SuppressWarnings("unchecked")
  private static Class<Record> cast(Class<? extends Record> type) {
    return (Class<Record>) (Class<?>) type;
  }

  private static ByteArrayInputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}
