package dev.sluice.documents.extract;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.mime.MediaType;
import org.xml.sax.SAXException;

/**
 * Tells what an uploaded file is from its bytes and reads its text. A file of no accepted type is a
 * 415; a text file whose text cannot be read (damaged, password-protected, no text at all, longer
 * than the limit) is a 422; both name the file. Images and audio are accepted as they are.
 */
public final class TextExtractor {

  private static final Logger LOG = Logger.getLogger(TextExtractor.class.getName());

  private final TikaReader tika = new TikaReader();
  private final int maxChars;

  /** {@code maxChars}: the longest text kept; a file with more is refused, not cut silently. */
  public TextExtractor(int maxChars) {
    this.maxChars = maxChars;
  }

  public Extraction extract(UploadedFile file) {
    if (file.bytes().length == 0) {
      throw ProblemException.invalidField(400, "file", file.displayName() + " is empty");
    }
    SupportedFormat format = formatOf(file);
    if (!format.hasText()) {
      return new Extraction(format.storedType(), null);
    }
    String text = DocumentText.clean(read(file, format));
    if (text.isEmpty()) {
      throw unreadable(
          file, "it contains no text (a scanned PDF would need OCR, which is not done)");
    }
    return new Extraction(format.storedType(), text);
  }

  private SupportedFormat formatOf(UploadedFile file) {
    MediaType detected = detect(file);
    return SupportedFormat.of(detected, tika.registry())
        .orElseThrow(() -> unsupported(file, detected));
  }

  private MediaType detect(UploadedFile file) {
    try {
      return tika.detect(file).getBaseType();
    } catch (IOException e) {
      return MediaType.OCTET_STREAM;
    }
  }

  private String read(UploadedFile file, SupportedFormat format) {
    try {
      return tika.text(file.bytes(), MediaType.parse(format.storedType()), maxChars);
    } catch (EncryptedDocumentException e) {
      throw unreadable(file, "it is password-protected");
    } catch (SAXException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        throw unreadable(file, "its text is longer than " + maxChars + " characters");
      }
      throw damaged(file, format, e);
    } catch (TikaException | IOException | RuntimeException e) {
      throw damaged(file, format, e);
    } catch (LinkageError e) {
      // A part of a parser kept out of the WAR (certificate encryption, legacy Office parts).
      throw damaged(file, format, e);
    }
  }

  private static ProblemException damaged(UploadedFile file, SupportedFormat format, Throwable e) {
    LOG.log(Level.FINE, "cannot read " + file.displayName() + " as " + format, e);
    return unreadable(
        file, "it could not be read as " + format.storedType() + " (is it damaged or truncated?)");
  }

  private static ProblemException unsupported(UploadedFile file, MediaType detected) {
    String message =
        file.displayName()
            + " is "
            + detected
            + ", which is not accepted; send "
            + SupportedFormat.ACCEPTED;
    return new ProblemException(
        Problem.of(415, "Unsupported Media Type", "file: " + message)
            .withErrors(List.of(new Problem.FieldError("file", message))));
  }

  private static ProblemException unreadable(UploadedFile file, String why) {
    return ProblemException.invalidField(
        422, "file", "no text could be extracted from " + file.displayName() + ": " + why);
  }
}
