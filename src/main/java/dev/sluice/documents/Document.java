package dev.sluice.documents;

import dev.sluice.platform.database.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One uploaded document, owned by one user. {@code text} is what the text analyses read: extracted
 * on upload for text formats, null for images, and for audio null until a transcription fills it.
 * The original bytes of images and audio live apart, in {@link DocumentContent}, so listing and
 * paging never load them.
 */
@Entity
@Table(name = "document")
public class Document {

  /**
   * Longest title (the column's size). A title the caller gives is refused when longer; only one
   * taken from a file's name is cut.
   */
  public static final int MAX_TITLE = 500;

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private String owner;

  @Column(nullable = false, length = MAX_TITLE)
  private String title;

  @Column(name = "content_type", nullable = false, length = 200)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "text")
  private String text;

  @Column(name = "char_count", nullable = false)
  private int charCount;

  @Column(name = "token_count", nullable = false)
  private int tokenCount;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  protected Document() {}

  /**
   * A new document. {@code text} may be null (images, audio); the counts are of the text and are
   * given by the caller, who owns the tokenizer.
   */
  public static Document create(
      String owner,
      String title,
      String contentType,
      long sizeBytes,
      String text,
      int tokenCount,
      Clock clock) {
    Document d = new Document();
    d.id = UUID.randomUUID().toString();
    d.owner = owner;
    d.title = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
    d.contentType = contentType;
    d.sizeBytes = sizeBytes;
    d.text = text;
    d.charCount = text == null ? 0 : text.length();
    d.tokenCount = tokenCount;
    d.createdAt = Timestamps.now(clock);
    return d;
  }

  /** Sets the text found later (an audio file's transcript) and its counts. */
  public void useText(String found, int tokens) {
    text = found;
    charCount = found == null ? 0 : found.length();
    tokenCount = tokens;
  }

  public String id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public String title() {
    return title;
  }

  public String contentType() {
    return contentType;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String text() {
    return text;
  }

  public int charCount() {
    return charCount;
  }

  public int tokenCount() {
    return tokenCount;
  }

  public Instant createdAt() {
    return createdAt.toInstant(ZoneOffset.UTC);
  }

  /** What kind of content this is, from its media type. */
  public DocumentKind kind() {
    return DocumentKind.of(contentType);
  }
}
