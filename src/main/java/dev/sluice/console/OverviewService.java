package dev.sluice.console;

import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchProgress;
import dev.sluice.documents.batch.BatchState;
import dev.sluice.documents.batch.BatchStore;
import dev.sluice.documents.batch.RunKind;
import dev.sluice.generations.GenerationQueries;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.platform.database.ConsoleQueries;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** Gathers the overview: each part from the cheapest source that knows it. */
@ApplicationScoped
public class OverviewService {

  /** Running batches shown, newest first. */
  static final int MAX_BATCHES = 20;

  private static final List<BatchState> RUNNING =
      List.of(BatchState.STARTING, BatchState.STARTED, BatchState.STOPPING);

  @Inject GenerationQueries generations;
  @Inject ClusterReports reports;
  @Inject BatchStore batches;
  @Inject ProviderRuntime runtime;

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Inject ConsoleQueries console;

  private ChatJobQueries chatJobs;

  @PostConstruct
  void init() {
    chatJobs = new ChatJobQueries(dataSource, console);
  }

  /**
   * The overview of the cluster: what the database holds is everyone's already; the lanes and the
   * last hour are this node's live figures plus the other nodes' last reports.
   */
  public Overview now() {
    Instant now = runtime.clock().instant();
    List<NodeReport> others = reports.others();
    return new Overview(
        now,
        1 + others.size(),
        chatJobs.counts(now),
        runningBatches(now),
        generations.day(LocalDate.ofInstant(now, ZoneOffset.UTC)),
        reports.lanes(others),
        Series.of(reports.lastHour(now, others)));
  }

  private List<RunningBatch> runningBatches(Instant now) {
    List<AnalysisBatch> running =
        em.createQuery(
                "SELECT b FROM AnalysisBatch b WHERE b.status IN :running AND b.kind = :kind"
                    + " ORDER BY b.createdAt DESC, b.id DESC",
                AnalysisBatch.class)
            .setParameter("running", RUNNING)
            .setParameter("kind", RunKind.BATCH)
            .setMaxResults(MAX_BATCHES)
            .getResultList();
    return running.stream().map(this::row).toList();
  }

  private RunningBatch row(AnalysisBatch b) {
    BatchProgress p = batches.progress(b);
    double percent = p.expected() == 0 ? 0 : 100.0 * (p.done() + p.failed()) / p.expected();
    return new RunningBatch(
        b.id(),
        b.owner(),
        b.status().name().toLowerCase(Locale.ROOT),
        b.itemCount(),
        p.expected(),
        p.done(),
        p.failed(),
        Math.round(percent * 10) / 10.0,
        p.itemsPerSecond(),
        p.estimatedCompletion());
  }

  /** Lanes are named {@code provider/model}, or {@code provider} when a provider shares one. */
  static String providerOfLane(String lane) {
    int slash = lane.indexOf('/');
    return slash < 0 ? lane : lane.substring(0, slash);
  }
}
