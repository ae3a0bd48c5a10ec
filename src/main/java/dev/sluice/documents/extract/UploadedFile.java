package dev.sluice.documents.extract;

/**
 * A file as a client sent it: its name (may be null), the media type it declared (may be null, and
 * is only a hint) and its bytes.
 */
public record UploadedFile(String name, String declaredType, byte[] bytes) {

  /** The name to show in errors: the file's own, or a neutral word when it came without one. */
  public String displayName() {
    return name == null || name.isBlank() ? "the file" : "'" + name + "'";
  }
}
