package dev.sluice.documents.analysis;

import dev.sluice.llm.Capability;
import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ContentPart;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.Role;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Every prompt the analyses send, in one place. The instruction goes in the system message and the
 * document in the user message between {@code <document>} tags, so the model can tell them apart.
 */
final class Prompts {

  /** What to ask for one analysis: instructions, answer format, output cap, JSON mode. */
  record Task(String system, OutputFormat format, int maxOutputTokens, boolean json) {}

  static final Task SUMMARY =
      new Task(
          "You summarise documents. Write a faithful summary of the document in a few short"
              + " paragraphs, in the document's language. Use only what the document says."
              + " Answer with the summary only.",
          OutputFormat.TEXT,
          1024,
          false);

  static final Task KEY_POINTS =
      new Task(
          "You list the key points of documents: the 3 to 10 most important points, each one"
              + " short sentence, in the document's order and language. Answer with one JSON"
              + " object only: {\"points\": [\"...\", \"...\"]}",
          new KeyPointsFormat(),
          800,
          true);

  static final Task SENTIMENT =
      new Task(
          "You judge the overall sentiment of documents. Answer with one JSON object only:"
              + " {\"label\": one of \"positive\", \"neutral\", \"negative\", \"mixed\"; \"score\":"
              + " a number from -1 (most negative) to 1 (most positive); \"reason\": one sentence"
              + " saying why}",
          new SentimentFormat(),
          200,
          true);

  static final Task CUSTOM =
      new Task(
          "You carry out the user's instruction on a document. Use only what the document"
              + " says. Answer with the result only.",
          OutputFormat.TEXT,
          2048,
          false);

  static final Task DESCRIBE_IMAGE =
      new Task(
          "You describe images for people who cannot see them. In one short paragraph, say"
              + " what the image shows: the main subject, notable details and any text in it."
              + " Answer with the description only.",
          OutputFormat.TEXT,
          600,
          false);

  static final Task SECTION =
      new Task(
          "You summarise one part of a longer document so that the parts can be combined"
              + " later. Keep every key fact, name and number, and the tone of the text, in its"
              + " language. Answer with the summary only.",
          OutputFormat.TEXT,
          600,
          false);

  static final String CONDENSED =
      "The document was too long to read at once. Below are summaries of its consecutive"
          + " parts, in order; treat them together as the document.";

  private Prompts() {}

  static Task task(AnalysisKind kind) {
    return switch (kind) {
      case SUMMARY -> SUMMARY;
      case KEY_POINTS -> KEY_POINTS;
      case SENTIMENT -> SENTIMENT;
      case CUSTOM -> CUSTOM;
      case DESCRIBE_IMAGE -> DESCRIBE_IMAGE;
      case TRANSCRIBE -> throw new IllegalArgumentException("transcription has no prompt");
    };
  }

  /** The final call of a text analysis, on the document's text or its condensed parts. */
  static ChatRequest analysis(
      ModelInfo model,
      Task task,
      String title,
      String text,
      boolean condensed,
      String instruction) {
    StringBuilder user = new StringBuilder();
    if (instruction != null) {
      user.append("Instruction: ").append(instruction.strip()).append("\n\n");
    }
    if (condensed) {
      user.append(CONDENSED).append("\n\n");
    }
    user.append(document(title, text));
    return request(model, task, task.system(), user.toString());
  }

  /** Summarises part {@code index} of {@code count}; a custom instruction says what to keep. */
  static ChatRequest section(
      ModelInfo model, String title, String text, int index, int count, String focus) {
    String system = SECTION.system();
    if (focus != null) {
      system += " Keep in particular whatever this instruction will need: " + focus.strip();
    }
    String user =
        "Part " + index + " of " + count + " of the document.\n\n" + document(title, text);
    return request(model, SECTION, system, user);
  }

  /** Asks a vision model to describe an image. */
  static ChatRequest image(ModelInfo model, String title, String mediaType, byte[] bytes) {
    String text = title == null ? "Describe this image." : "Describe this image: " + title;
    ChatMessage user =
        new ChatMessage(
            Role.USER,
            List.of(
                new ContentPart.Text(text),
                new ContentPart.Image(mediaType, Base64.getEncoder().encodeToString(bytes))));
    ChatMessage system = ChatMessage.system(DESCRIBE_IMAGE.system());
    return ChatRequest.of(model.id(), List.of(system, user))
        .withMaxOutputTokens(outputCap(model, DESCRIBE_IMAGE));
  }

  /** The one repair attempt: the invalid answer goes back with what was wrong with it. */
  static ChatRequest repair(ChatRequest asked, String answer, String problem, OutputFormat format) {
    List<ChatMessage> messages = new ArrayList<>(asked.messages());
    messages.add(ChatMessage.assistant(answer == null || answer.isBlank() ? "(empty)" : answer));
    messages.add(
        ChatMessage.user(
            "That answer is not valid: "
                + problem
                + ". Answer again with only the corrected "
                + format.shape()
                + ", nothing else."));
    return new ChatRequest(
        asked.model(),
        messages,
        asked.temperature(),
        asked.maxOutputTokens(),
        asked.stop(),
        asked.jsonOutput());
  }

  static int outputCap(ModelInfo model, Task task) {
    return Math.min(task.maxOutputTokens(), model.maxOutputTokens());
  }

  private static ChatRequest request(ModelInfo model, Task task, String system, String user) {
    return ChatRequest.of(model.id(), List.of(ChatMessage.system(system), ChatMessage.user(user)))
        .withMaxOutputTokens(outputCap(model, task))
        .withJsonOutput(task.json() && model.can(Capability.JSON_OUTPUT));
  }

  private static String document(String title, String text) {
    String heading = title == null || title.isBlank() ? "" : "Title: " + title.strip() + "\n\n";
    return heading + "<document>\n" + text + "\n</document>";
  }
}
