package dev.sluice.documents.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.documents.DocumentKind;
import dev.sluice.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

  private final TextExtractor extractor = new TextExtractor(10_000);

  @Test
  void readsThePdfsText() {
    Extraction pdf =
        extract("report.pdf", "application/pdf", SampleFiles.pdf("Rivers of Europe", "The Rhine"));

    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(DocumentKind.of(pdf.contentType())).isEqualTo(DocumentKind.TEXT);
    assertThat(pdf.text()).contains("Rivers of Europe").contains("The Rhine");
  }

  @Test
  void readsAWordDocument() {
    Extraction docx =
        extract("notes.docx", null, SampleFiles.docx("First paragraph.", "Second paragraph."));

    assertThat(docx.contentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(docx.text()).contains("First paragraph.").contains("Second paragraph.");
  }

  @Test
  void aWordDocumentIsKnownByItsBytesAlone() {
    Extraction docx = extract(null, "application/octet-stream", SampleFiles.docx("Unnamed."));

    assertThat(docx.contentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(docx.text()).isEqualTo("Unnamed.");
  }

  @Test
  void readsTheBodyTextOfHtml() {
    String html =
        "<!DOCTYPE html><html><head><title>T</title><script>var x = 1;</script></head>"
            + "<body><h1>Heading</h1><p>Some <b>bold</b> words.</p></body></html>";

    Extraction page = extract("page.html", "text/html", utf8(html));

    assertThat(page.contentType()).isEqualTo("text/html");
    assertThat(page.text()).contains("Heading").contains("Some bold words.");
    assertThat(page.text()).doesNotContain("<p>").doesNotContain("var x");
  }

  @Test
  void markdownIsKeptAsWritten() {
    String markdown = "# Title\n\n- one\n- two\n";

    Extraction byName = extract("readme.md", null, utf8(markdown));
    Extraction byType = extract(null, "text/markdown", utf8(markdown));

    assertThat(byName.contentType()).isEqualTo("text/markdown");
    assertThat(byType.contentType()).isEqualTo("text/markdown");
    assertThat(byName.text()).isEqualTo("# Title\n\n- one\n- two");
  }

  @Test
  void plainTextKeepsItsCharacters() {
    Extraction text = extract("a.txt", "text/plain", utf8("  Grüße aus Zürich – ok \n"));

    assertThat(text.contentType()).isEqualTo("text/plain");
    assertThat(text.text()).isEqualTo("Grüße aus Zürich – ok");
  }

  @Test
  void imagesAreAcceptedWithoutText() {
    Extraction png = extract("dot.png", "image/png", SampleFiles.png());

    assertThat(png.contentType()).isEqualTo("image/png");
    assertThat(DocumentKind.of(png.contentType())).isEqualTo(DocumentKind.IMAGE);
    assertThat(png.text()).isNull();
  }

  @Test
  void theBytesWinOverADeclaredTypeThatContradictsThem() {
    Extraction png = extract("dot.txt", "text/plain", SampleFiles.png());
    Extraction text = extract("fake.pdf", "application/pdf", utf8("just words"));

    assertThat(png.contentType()).isEqualTo("image/png");
    assertThat(text.contentType()).isEqualTo("text/plain");
    assertThat(text.text()).isEqualTo("just words");
  }

  @Test
  void audioIsRecognisedByItsBytes() {
    byte[] wav = new byte[44];
    System.arraycopy(ascii("RIFF"), 0, wav, 0, 4);
    System.arraycopy(ascii("WAVEfmt "), 0, wav, 8, 8);

    Extraction audio = extract("voice", null, wav);

    assertThat(audio.contentType()).isEqualTo("audio/wav");
    assertThat(DocumentKind.of(audio.contentType())).isEqualTo(DocumentKind.AUDIO);
  }

  @Test
  void anUnknownBinaryIsUnsupported() {
    byte[] binary = {0x00, 0x01, 0x02, (byte) 0xFE, (byte) 0xFF, 0x10, 0x00, 0x7F};

    ProblemException refused = refused("blob.bin", "application/pdf", binary);

    assertThat(refused.problem().status()).as(refused.problem().detail()).isEqualTo(415);
    assertThat(refused.problem().detail()).contains("'blob.bin'").contains("PDF");
  }

  @Test
  void aDamagedPdfIsUnprocessableAndNamed() {
    byte[] pdf = SampleFiles.pdf("Hello");
    byte[] damaged = java.util.Arrays.copyOf(pdf, 40);

    ProblemException refused = refused("broken.pdf", "application/pdf", damaged);

    assertThat(refused.problem().status()).isEqualTo(422);
    assertThat(refused.problem().detail()).contains("'broken.pdf'").contains("damaged");
    assertThat(refused.problem().errors()).extracting(e -> e.field()).containsExactly("file");
  }

  @Test
  void aPasswordProtectedPdfIsUnprocessable() {
    ProblemException refused = refused("secret.pdf", null, SampleFiles.encryptedPdf("classified"));

    assertThat(refused.problem().status()).isEqualTo(422);
    assertThat(refused.problem().detail()).contains("'secret.pdf'").contains("password");
  }

  @Test
  void aPdfWithoutTextIsUnprocessable() {
    ProblemException refused = refused("scan.pdf", null, SampleFiles.pdf());

    assertThat(refused.problem().status()).isEqualTo(422);
    assertThat(refused.problem().detail()).contains("'scan.pdf'").contains("no text");
  }

  @Test
  void textLongerThanTheLimitIsRefusedNotCut() {
    ProblemException refused =
        catchThrowableOfType(
            ProblemException.class,
            () -> new TextExtractor(100).extract(file("long.txt", null, utf8("x".repeat(101)))));

    assertThat(refused.problem().status()).isEqualTo(422);
    assertThat(refused.problem().detail()).contains("'long.txt'").contains("100 characters");
  }

  @Test
  void anEmptyFileIsABadRequest() {
    ProblemException refused = refused("empty.txt", "text/plain", new byte[0]);

    assertThat(refused.problem().status()).isEqualTo(400);
    assertThat(refused.problem().detail()).contains("'empty.txt'");
  }

  private Extraction extract(String name, String declared, byte[] bytes) {
    return extractor.extract(file(name, declared, bytes));
  }

  private ProblemException refused(String name, String declared, byte[] bytes) {
    return catchThrowableOfType(
        ProblemException.class, () -> extractor.extract(file(name, declared, bytes)));
  }

  private static UploadedFile file(String name, String declared, byte[] bytes) {
    return new UploadedFile(name, declared, bytes);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
