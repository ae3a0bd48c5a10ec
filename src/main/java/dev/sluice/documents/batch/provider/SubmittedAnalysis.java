package dev.sluice.documents.batch.provider;

import dev.sluice.documents.batch.ResultKey;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A (document, analysis) of a provider-mode batch handed to the provider and not collected yet: it
 * has no result row meanwhile. Written in the chunk's transaction with its checkpoint; given its
 * provider batch when the request file it went into becomes one; deleted in the transaction that
 * writes its result, so that a result is collected once.
 */
@Entity
@Table(name = "provider_batch_request")
public class SubmittedAnalysis {

  @EmbeddedId private ResultKey key;

  @Column(name = "item_no", nullable = false)
  private int itemNo;

  @Column(name = "partition_no", nullable = false)
  private int partitionNo;

  @Column(name = "provider_batch_id", length = 36)
  private String providerBatchId;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  protected SubmittedAnalysis() {}

  SubmittedAnalysis(ResultKey key, int itemNo, int partitionNo, LocalDateTime createdAt) {
    this.key = key;
    this.itemNo = itemNo;
    this.partitionNo = partitionNo;
    this.createdAt = createdAt;
  }

  public ResultKey key() {
    return key;
  }

  public int itemNo() {
    return itemNo;
  }

  public int partitionNo() {
    return partitionNo;
  }

  public String providerBatchId() {
    return providerBatchId;
  }

  /** The id the request carries at the provider: {@code <document id>_<analysis>}. */
  public String customId() {
    return customId(key);
  }

  static String customId(ResultKey key) {
    return key.documentId() + "_" + key.analysis();
  }

  /**
   * The key of a result by its custom id; document ids are UUIDs, which have no {@code _}, so the
   * first {@code _} ends the document id.
   *
   * @return null for an id that is not one of ours
   */
  static ResultKey keyOf(String batchId, String customId) {
    int cut = customId.indexOf('_');
    return cut <= 0 || cut == customId.length() - 1
        ? null
        : new ResultKey(batchId, customId.substring(0, cut), customId.substring(cut + 1));
  }
}
