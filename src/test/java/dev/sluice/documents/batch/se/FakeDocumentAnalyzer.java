package dev.sluice.documents.batch.se;

import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.analysis.AnalysisStatus;
import dev.sluice.documents.analysis.DocumentAnalyzer;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.ChatStream;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link DocumentAnalyzer} that answers on its own small executor a few milliseconds later, as a
 * provider call would, and counts its calls per (document, analysis). Chosen documents can complete
 * with a failed outcome, or make {@code analyze} throw.
 */
@ApplicationScoped
public class FakeDocumentAnalyzer implements DocumentAnalyzer {

  private final ExecutorService executor = Executors.newFixedThreadPool(3);
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private final Set<String> throwing = ConcurrentHashMap.newKeySet();
  private final Set<String> hanging = ConcurrentHashMap.newKeySet();
  private final AtomicInteger cancelledCalls = new AtomicInteger();

  /** Analyses of this document start a provider call that never ends unless cancelled. */
  public void hangFor(String documentId) {
    hanging.add(documentId);
  }

  /** Hanging calls that were cancelled. */
  public int cancelledCalls() {
    return cancelledCalls.get();
  }

  /** Analyses of this document complete with status FAILED (code {@code PROVIDER_ERROR}). */
  public void failFor(String documentId) {
    failing.add(documentId);
  }

  /** Analyses of this document throw from {@code analyze}, a bug rather than an outcome. */
  public void throwFor(String documentId) {
    throwing.add(documentId);
  }

  /** How often this analysis of this document was asked for. */
  public int calls(String documentId, AnalysisKind kind) {
    AtomicInteger count = calls.get(documentId + "/" + kind.apiName());
    return count == null ? 0 : count.get();
  }

  @Override
  public CompletionStage<AnalysisOutcome> analyze(
      AnalysisInput input, AnalysisKind kind, AnalysisOptions options) {
    calls
        .computeIfAbsent(input.documentId() + "/" + kind.apiName(), k -> new AtomicInteger())
        .incrementAndGet();
    if (throwing.contains(input.documentId())) {
      throw new IllegalStateException("fake analyzer bug");
    }
    if (hanging.contains(input.documentId())) {
      CompletableFuture<ChatResult> call = new CompletableFuture<>();
      options
          .calls()
          .track(
              new ChatStream() {
                @Override
                public CompletionStage<ChatResult> result() {
                  return call;
                }

                @Override
                public void cancel() {
                  if (call.cancel(false)) {
                    cancelledCalls.incrementAndGet();
                  }
                }
              });
      return call.handle(
          (r, e) -> AnalysisOutcome.failed("CANCELLED", "the call was cancelled", 0, 0));
    }
    AnalysisOutcome outcome =
        failing.contains(input.documentId())
            ? AnalysisOutcome.failed("PROVIDER_ERROR", "the provider failed", 3, 5)
            : completed(input, kind);
    long delayMs = Math.floorMod(input.documentId().hashCode(), 5) + 1L;
    return CompletableFuture.supplyAsync(
        () -> outcome, CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS, executor));
  }

  private static AnalysisOutcome completed(AnalysisInput input, AnalysisKind kind) {
    return new AnalysisOutcome(
        AnalysisStatus.COMPLETED,
        kind.apiName() + " of " + input.title(),
        "fake-model",
        input.text().length(),
        7,
        BigDecimal.ZERO,
        1,
        2,
        null,
        null,
        null);
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
