package dev.sluice.documents.batch;

import dev.sluice.admission.Priority;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.platform.database.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A batch as submitted: whose it is, which analyses, with what model, priority and parallelism, how
 * many documents, and the batch runtime's latest execution of it. The job reads its settings from
 * here, so a restart runs exactly as the first start did.
 */
@Entity
@Table(name = "analysis_batch")
public class AnalysisBatch {

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private String owner;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private BatchState status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RunKind kind = RunKind.BATCH;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private BatchMode mode = BatchMode.INTERACTIVE;

  @Column(nullable = false, length = 500)
  private String analyses;

  private String model;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Priority priority;

  @Column(name = "max_concurrency", nullable = false)
  private int maxConcurrency;

  @Column(nullable = false)
  private int partitions;

  @Column(name = "custom_instruction", length = 5000)
  private String customInstruction;

  @Column(name = "webhook_url", length = 2000)
  private String webhookUrl;

  @Column(name = "item_count", nullable = false)
  private int itemCount;

  @Column(name = "execution_id")
  private Long executionId;

  /** The node that runs (or last ran) the batch's job execution. */
  @Column(name = "owner_node", length = 36)
  private String ownerNode;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Column(name = "started_at")
  private LocalDateTime startedAt;

  @Column(name = "finished_at")
  private LocalDateTime finishedAt;

  protected AnalysisBatch() {}

  static AnalysisBatch create(String owner, BatchDraft draft, int itemCount, Clock clock) {
    AnalysisBatch b = new AnalysisBatch();
    b.id = UUID.randomUUID().toString();
    b.owner = owner;
    b.status = BatchState.STARTING;
    b.analyses =
        draft.analyses().stream().map(AnalysisKind::apiName).collect(Collectors.joining(","));
    b.model = draft.model();
    b.mode = draft.mode();
    b.priority = draft.priority();
    b.maxConcurrency = draft.maxConcurrency();
    b.partitions = draft.partitions();
    b.customInstruction = draft.customInstruction();
    b.webhookUrl = draft.webhookUrl();
    b.itemCount = itemCount;
    b.createdAt = now(clock);
    b.updatedAt = b.createdAt;
    return b;
  }

  /**
   * The run of one uploaded document's analyses: one item, one partition, run by a document job
   * instead of the batch runtime.
   */
  public static AnalysisBatch forUpload(String owner, BatchDraft draft, Clock clock) {
    AnalysisBatch run = create(owner, draft, 1, clock);
    run.kind = RunKind.UPLOAD;
    return run;
  }

  void started(long execution, Clock clock) {
    executionId = execution;
    status = BatchState.STARTED;
    updatedAt = now(clock);
    if (startedAt == null) {
      startedAt = updatedAt;
    }
    finishedAt = null;
  }

  /** The batch's job execution runs on node {@code node}. */
  void ownedBy(String node) {
    ownerNode = node;
  }

  void moveTo(BatchState state, Clock clock) {
    status = state;
    updatedAt = now(clock);
    if (state.isFinal()) {
      finishedAt = updatedAt;
    }
  }

  static LocalDateTime now(Clock clock) {
    return Timestamps.now(clock);
  }

  private static Instant instant(LocalDateTime stored) {
    return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
  }

  public String id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public BatchState status() {
    return status;
  }

  public RunKind kind() {
    return kind;
  }

  public BatchMode mode() {
    return mode;
  }

  public List<AnalysisKind> analyses() {
    return Arrays.stream(analyses.split(",")).map(AnalysisKind::parse).toList();
  }

  public String model() {
    return model;
  }

  public Priority priority() {
    return priority;
  }

  public int maxConcurrency() {
    return maxConcurrency;
  }

  public int partitions() {
    return partitions;
  }

  public String customInstruction() {
    return customInstruction;
  }

  public String webhookUrl() {
    return webhookUrl;
  }

  public int itemCount() {
    return itemCount;
  }

  public Long executionId() {
    return executionId;
  }

  /** The node that runs (or last ran) its job execution; null before nodes existed. */
  public String ownerNode() {
    return ownerNode;
  }

  public Instant createdAt() {
    return instant(createdAt);
  }

  public Instant updatedAt() {
    return instant(updatedAt);
  }

  public Instant startedAt() {
    return instant(startedAt);
  }

  public Instant finishedAt() {
    return instant(finishedAt);
  }
}
