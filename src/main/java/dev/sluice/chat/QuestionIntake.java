package dev.sluice.chat;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where asked questions wait for their group commit: idle, a question is stored at once; under
 * load, the questions of many requests share one transaction ({@link QuestionBatch}) instead of
 * each paying for a commit (on PostgreSQL, a flush of its log) of its own.
 */
@ApplicationScoped
public class QuestionIntake {

  private static final int MAX_BATCH = 200;

  @Inject QuestionBatch batches;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private WriteBatcher<Question> batcher;

  @PostConstruct
  void start() {
    batcher = new WriteBatcher<>(batches::apply, executor, MAX_BATCH);
  }

  void submit(Question question) {
    batcher.submit(question);
  }
}
