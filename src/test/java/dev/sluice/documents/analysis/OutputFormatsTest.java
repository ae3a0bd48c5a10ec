package dev.sluice.documents.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Key points and sentiment: what models send, normalised, and what is refused. */
class OutputFormatsTest {

  private final KeyPointsFormat points = new KeyPointsFormat();
  private final SentimentFormat sentiment = new SentimentFormat();

  @Test
  void keyPointsAcceptTheAskedObjectABareArrayAndLists() {
    assertThat(points.check("{\"points\": [\" One. \", \"Two.\"]}").output())
        .isEqualTo("[\"One.\",\"Two.\"]");
    assertThat(points.check("[\"One.\"]").output()).isEqualTo("[\"One.\"]");
    assertThat(points.check("{\"key_points\": [\"One.\"]}").output()).isEqualTo("[\"One.\"]");
    assertThat(points.check("Here you go: {\"points\": [\"One.\"]} Enjoy.").output())
        .isEqualTo("[\"One.\"]");
    assertThat(points.check("1. First point\n   goes on.\n2) Second [citation]\n* Third").output())
        .isEqualTo("[\"First point goes on.\",\"Second [citation]\",\"Third\"]");
    assertThat(points.check("\u2022 One \"quoted\"").output())
        .isEqualTo("[\"One \\\"quoted\\\"\"]");
  }

  @Test
  void keyPointsRefuseWhatIsNotAList() {
    assertThat(points.check("").problem()).isEqualTo("the answer was empty");
    assertThat(points.check("Just prose.").problem()).startsWith("not valid JSON");
    assertThat(points.check("{\"points\": [1, 2]}").problem()).isEqualTo("point 1 is not a string");
    assertThat(points.check("{\"points\": []}").problem()).isEqualTo("there were no points");
    assertThat(points.check("{\"points\": [\"a\", \" \"]}").problem())
        .isEqualTo("point 2 is empty");
    assertThat(points.check("{\"a\": [\"x\"], \"b\": [\"y\"]}").problem())
        .isEqualTo("the JSON has no \"points\" array");
    assertThat(points.check("[" + "\"p\",".repeat(50) + "\"p\"]").problem())
        .isEqualTo("there were 51 points, at most 50");
  }

  @Test
  void sentimentIsNormalised() {
    assertThat(
            sentiment
                .check(
                    "```json\n{\"label\": \"Positive\", \"score\": 0.8, \"reason\": \" Warm. \","
                        + " \"extra\": 1}\n```")
                .output())
        .isEqualTo("{\"label\":\"positive\",\"score\":0.8,\"reason\":\"Warm.\"}");
    assertThat(sentiment.check("{\"label\":\"mixed\",\"score\":-1,\"reason\":\"Both.\"}").output())
        .isEqualTo("{\"label\":\"mixed\",\"score\":-1,\"reason\":\"Both.\"}");
  }

  @Test
  void sentimentRefusesWhatBreaksTheSchema() {
    assertThat(sentiment.check("{\"label\": \"positive\", \"score\"").problem())
        .startsWith("not valid JSON");
    assertThat(sentiment.check("[1]").problem()).isEqualTo("the answer is JSON but not an object");
    assertThat(sentiment.check("{\"label\":\"glad\",\"score\":0.1,\"reason\":\"r\"}").problem())
        .startsWith("\"label\" must be one of positive, neutral, negative, mixed");
    assertThat(
            sentiment.check("{\"label\":\"neutral\",\"score\":\"0\",\"reason\":\"r\"}").problem())
        .isEqualTo("\"score\" must be a number from -1 to 1");
    assertThat(sentiment.check("{\"label\":\"neutral\",\"score\":1.5,\"reason\":\"r\"}").problem())
        .isEqualTo("\"score\" must be from -1 to 1, was 1.5");
    assertThat(
            sentiment.check("{\"label\":\"positive\",\"score\":-0.4,\"reason\":\"r\"}").problem())
        .isEqualTo("\"score\" -0.4 contradicts the label positive");
    assertThat(sentiment.check("{\"label\":\"neutral\",\"score\":0,\"reason\":\" \"}").problem())
        .isEqualTo("\"reason\" must be one sentence");
  }

  /** Found by SentimentFormatFuzzTest: Parsson threw these numbers past the check as exceptions. */
  @Test
  void numbersBeyondWhatJsonPReadsAreInvalidAnswersNotExceptions() {
    String hugeExponent = "{\"label\":\"neutral\",\"score\":1e-99999999999,\"reason\":\"r\"}";
    String tooManyDigits = "{\"label\":\"neutral\",\"score\":0." + "1".repeat(1200) + "}";

    assertThat(sentiment.check(hugeExponent).problem()).startsWith("not valid JSON");
    assertThat(sentiment.check(tooManyDigits).problem()).startsWith("not valid JSON");
    assertThat(points.check("{\"points\": [\"a\"], \"n\": 1e99999999999}").problem())
        .startsWith("not valid JSON");
  }
}
