package dev.sluice.documents;

import dev.sluice.documents.extract.Extraction;
import dev.sluice.documents.extract.TextExtractor;
import dev.sluice.documents.extract.UploadedFile;
import dev.sluice.llm.TokenCounter;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Turns what a caller sends into a stored document: a file is typed and its text extracted, text
 * sent as JSON is checked; either is counted in tokens and stored. Reading a file runs outside any
 * transaction, so a slow PDF holds no database connection.
 */
@ApplicationScoped
public class DocumentIntake {

  static final String UNTITLED = "Untitled document";

  @Inject DocumentService documents;
  @Inject DocumentSettings settings;
  @Inject Caller caller;

  private final Clock clock = Clock.systemUTC();
  private TextExtractor extractor;

  @PostConstruct
  void createExtractor() {
    extractor = new TextExtractor(settings.maxTextChars());
  }

  /** Stores an uploaded file; {@code title} defaults to the file's name. */
  public Document upload(UploadedFile file, String title) {
    return store(read(file, title));
  }

  /** Stores a text sent as JSON. */
  public Document create(String title, String text) {
    return store(readText(title, text));
  }

  /** Types an uploaded file and extracts its text, storing nothing. */
  public IncomingDocument read(UploadedFile file, String title) {
    Extraction extraction = extractor.extract(file);
    String name = title != null && !title.isBlank() ? title.strip() : file.name();
    Document document =
        Document.create(
            caller.name(),
            name == null || name.isBlank() ? UNTITLED : name,
            extraction.contentType(),
            file.bytes().length,
            extraction.text(),
            TokenCounter.instance().count(extraction.text()),
            clock);
    return new IncomingDocument(document, extraction.text() == null ? file.bytes() : null);
  }

  /** Checks a text sent as JSON, storing nothing. */
  public IncomingDocument readText(String title, String text) {
    TextDraft.Result checked = TextDraft.check(title, text, settings.maxTextChars(), "");
    if (!checked.valid()) {
      throw new ProblemException(
          Problem.of(400, "Bad Request", checked.summary()).withErrors(checked.errors()));
    }
    return new IncomingDocument(plainText(caller.name(), checked.draft(), clock), null);
  }

  private Document store(IncomingDocument incoming) {
    documents.add(incoming.document(), incoming.content());
    return incoming.document();
  }

  /** A text document as stored, for JSON and for the lines of a bulk load. */
  static Document plainText(String owner, TextDraft draft, Clock clock) {
    String text = draft.text();
    return Document.create(
        owner,
        draft.title(),
        "text/plain",
        text.getBytes(StandardCharsets.UTF_8).length,
        text,
        TokenCounter.instance().count(text),
        clock);
  }
}
