package dev.sluice.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The original bytes of an image or audio document, which the vision and transcription analyses
 * send to the provider. Kept in a table of their own and read only by those analyses.
 */
@Entity
@Table(name = "document_content")
public class DocumentContent {

  @Id
  @Column(name = "document_id", length = 36)
  private String documentId;

  @Column(name = "bytes", nullable = false)
  private byte[] bytes;

  protected DocumentContent() {}

  public DocumentContent(String documentId, byte[] bytes) {
    this.documentId = documentId;
    this.bytes = bytes.clone();
  }

  public String documentId() {
    return documentId;
  }

  public byte[] bytes() {
    return bytes.clone();
  }
}
