package dev.sluice.documents.rest;

import dev.sluice.documents.Document;
import dev.sluice.documents.extract.UploadedFile;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.rest.StrictJson;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The parts of an upload form: the {@code file} (required) and an optional {@code title}. */
record MultipartUpload(UploadedFile file, String title) {

  static MultipartUpload read(List<EntityPart> parts) {
    EntityPart file = null;
    String title = null;
    try {
      for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
        if ("file".equals(part.getName())) {
          file = part;
        } else if ("title".equals(part.getName())) {
          title = part.getContent(String.class);
        }
      }
      if (title != null && title.strip().length() > Document.MAX_TITLE) {
        throw ProblemException.invalidField(
            400, "title", "at most " + Document.MAX_TITLE + " characters");
      }
      if (title != null && title.indexOf('\0') >= 0) {
        throw ProblemException.invalidField(400, "title", StrictJson.NO_NUL);
      }
      if (file == null) {
        throw ProblemException.invalidField(
            400, "file", "required: a multipart/form-data part named 'file'");
      }
      return new MultipartUpload(fileOf(file), title);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the upload form failed", e);
    }
  }

  private static UploadedFile fileOf(EntityPart part) throws IOException {
    // The body is already bounded by the upload limit (UploadLimitFilter).
    try (InputStream content = part.getContent()) {
      return new UploadedFile(
          part.getFileName().orElse(null),
          part.getMediaType() == null ? null : part.getMediaType().toString(),
          content.readAllBytes());
    }
  }
}
