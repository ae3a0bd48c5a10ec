package dev.sluice.documents.batch.provider;

import dev.sluice.llm.batch.ProviderBatch;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * One batch at a provider, made for a document batch: its row exists ({@code CREATING}) before the
 * provider is asked to create it, so that a crash between the two is seen; then the provider's id,
 * its state and counts as last polled, whether its results have been collected, and what they cost
 * against their list price.
 */
@Entity
@Table(name = "provider_batch")
public class ProviderBatchRecord {

  /** Where the collection of a provider batch's results stands. */
  public enum Collection {
    /** The provider batch has not ended, or its collection has not started. */
    WAITING,
    /** A {@code provider-batch-collect} job is reading its results, on {@code collect_node}. */
    COLLECTING,
    /** Every request of it has a result. */
    COLLECTED
  }

  /** The status of a row whose provider batch is not created yet. */
  public static final String CREATING = "CREATING";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "batch_id", nullable = false, length = 36)
  private String batchId;

  @Column(nullable = false, length = 100)
  private String provider;

  @Column(nullable = false, length = 200)
  private String model;

  @Column(name = "external_id", length = 200)
  private String externalId;

  @Column(nullable = false, length = 16)
  private String status;

  @Column(length = 4000)
  private String snapshot;

  @Column(name = "request_count", nullable = false)
  private int requestCount;

  @Column(nullable = false)
  private int succeeded;

  @Column(nullable = false)
  private int errored;

  @Column(nullable = false)
  private int expired;

  @Column(nullable = false)
  private int cancelled;

  @Column(name = "cancel_wanted", nullable = false)
  private boolean cancelWanted;

  @Enumerated(EnumType.STRING)
  @Column(name = "collect_state", nullable = false, length = 16)
  private Collection collectState = Collection.WAITING;

  @Column(name = "collect_node", length = 36)
  private String collectNode;

  @Column(name = "cost_usd", nullable = false, precision = 18, scale = 10)
  private BigDecimal costUsd = BigDecimal.ZERO;

  @Column(name = "list_cost_usd", nullable = false, precision = 18, scale = 10)
  private BigDecimal listCostUsd = BigDecimal.ZERO;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Column(name = "polled_at")
  private LocalDateTime polledAt;

  protected ProviderBatchRecord() {}

  ProviderBatchRecord(
      String batchId, String provider, String model, int requestCount, LocalDateTime now) {
    this.id = UUID.randomUUID().toString();
    this.batchId = batchId;
    this.provider = provider;
    this.model = model;
    this.status = CREATING;
    this.requestCount = requestCount;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Takes the provider's view of the batch: its id, state and counts. */
  void saw(ProviderBatch batch, LocalDateTime now) {
    externalId = batch.id();
    status = batch.status().name();
    snapshot = batch.toJson();
    succeeded = batch.succeeded();
    errored = batch.errored();
    expired = batch.expired();
    cancelled = batch.cancelled();
    updatedAt = now;
    polledAt = now;
  }

  void wantCancel() {
    cancelWanted = true;
  }

  void collecting(String node, LocalDateTime now) {
    collectState = Collection.COLLECTING;
    collectNode = node;
    updatedAt = now;
  }

  void waitAgain(LocalDateTime now) {
    collectState = Collection.WAITING;
    collectNode = null;
    updatedAt = now;
  }

  void collected(LocalDateTime now) {
    collectState = Collection.COLLECTED;
    updatedAt = now;
  }

  void addCost(BigDecimal cost, BigDecimal listCost) {
    costUsd = costUsd.add(cost);
    listCostUsd = listCostUsd.add(listCost);
  }

  public String id() {
    return id;
  }

  public String batchId() {
    return batchId;
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }

  /** The provider's id of the batch; null while {@code CREATING}. */
  public String externalId() {
    return externalId;
  }

  /** {@code CREATING}, or a {@link ProviderBatch.Status} name. */
  public String status() {
    return status;
  }

  /** The provider's batch as last seen; empty while creating. */
  public Optional<ProviderBatch> snapshot() {
    return snapshot == null ? Optional.empty() : Optional.of(ProviderBatch.fromJson(snapshot));
  }

  /** Whether the provider batch has ended: its results can be read and will not change. */
  public boolean ended() {
    return snapshot().map(b -> b.status().ended()).orElse(false);
  }

  public int requestCount() {
    return requestCount;
  }

  public int succeeded() {
    return succeeded;
  }

  public int errored() {
    return errored;
  }

  public int expired() {
    return expired;
  }

  public int cancelled() {
    return cancelled;
  }

  public boolean cancelWanted() {
    return cancelWanted;
  }

  public Collection collectState() {
    return collectState;
  }

  public String collectNode() {
    return collectNode;
  }

  /** What its collected results cost, at the batch price (and any repair at the list price). */
  public BigDecimal costUsd() {
    return costUsd;
  }

  /** What the same answers would have cost at the list price. */
  public BigDecimal listCostUsd() {
    return listCostUsd;
  }

  public Instant createdAt() {
    return createdAt.toInstant(ZoneOffset.UTC);
  }

  public Instant polledAt() {
    return polledAt == null ? null : polledAt.toInstant(ZoneOffset.UTC);
  }
}
