package dev.sluice.documents.batch;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The key of a result: one per (batch, document, analysis), which makes re-runs overwrite. */
@Embeddable
public class ResultKey implements Serializable {

  private static final long serialVersionUID = 1L;

  @Column(name = "batch_id", length = 36)
  private String batchId;

  @Column(name = "document_id", length = 36)
  private String documentId;

  @Column(name = "analysis", length = 32)
  private String analysis;

  protected ResultKey() {}

  public ResultKey(String batchId, String documentId, String analysis) {
    this.batchId = batchId;
    this.documentId = documentId;
    this.analysis = analysis;
  }

  public String batchId() {
    return batchId;
  }

  public String documentId() {
    return documentId;
  }

  public String analysis() {
    return analysis;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResultKey k
        && k.batchId.equals(batchId)
        && k.documentId.equals(documentId)
        && k.analysis.equals(analysis);
  }

  @Override
  public int hashCode() {
    return Objects.hash(batchId, documentId, analysis);
  }
}
