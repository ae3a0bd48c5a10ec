package dev.sluice.it.corpus;

/** What the server answered to one case: status, media type and body ({@code status} 0: none). */
record Outcome(int status, String contentType, String body) {

  static Outcome none(String why) {
    return new Outcome(0, "", why);
  }
}
