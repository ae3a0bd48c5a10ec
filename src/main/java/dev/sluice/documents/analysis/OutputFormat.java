package dev.sluice.documents.analysis;

/**
 * The shape an analysis's answer must have: {@link #check} validates the model's raw text and gives
 * the normalised output, or a problem to send back in the one repair attempt.
 */
interface OutputFormat {

  /** How the repair prompt names the expected answer, e.g. "JSON object". */
  String shape();

  Checked check(String raw);

  /** A checked answer: the normalised output, or why it is not valid. */
  record Checked(String output, String problem) {

    static Checked valid(String output) {
      return new Checked(output, null);
    }

    static Checked invalid(String problem) {
      return new Checked(null, problem);
    }

    boolean isValid() {
      return problem == null;
    }
  }

  /** Plain text: anything but an empty answer. */
  OutputFormat TEXT =
      new OutputFormat() {
        @Override
        public String shape() {
          return "text";
        }

        @Override
        public Checked check(String raw) {
          String text = raw == null ? "" : raw.strip();
          return text.isEmpty() ? Checked.invalid("the answer was empty") : Checked.valid(text);
        }
      };
}
