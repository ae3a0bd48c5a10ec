package dev.sluice.documents.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads one partition's items in order, a page at a time, skipping those already finished. Its
 * checkpoint is the number of the last item read, which at a chunk's commit is the last item
 * written: a restart resumes right after it.
 */
@Named("batchItemReader")
@Dependent
public class BatchItemReader extends AbstractItemReader {

  @Inject @BatchProperty String batchId;

  @Inject @BatchProperty String firstItem;

  @Inject @BatchProperty String lastItem;

  @Inject @BatchProperty String pageSize;

  @Inject BatchJobStore store;

  private final Deque<BatchItem> page = new ArrayDeque<>();
  private int position;
  private int last;
  private int analyses;
  private boolean exhausted;

  @Override
  public void open(Serializable checkpoint) {
    last = Integer.parseInt(lastItem);
    position = checkpoint == null ? Integer.parseInt(firstItem) - 1 : (Integer) checkpoint;
    analyses =
        store
            .batch(batchId)
            .orElseThrow(() -> new IllegalStateException("no batch " + batchId))
            .analyses()
            .size();
  }

  @Override
  public Object readItem() {
    if (page.isEmpty() && !exhausted) {
      int size = Integer.parseInt(pageSize);
      int after = position;
      page.addAll(store.unfinishedItems(batchId, after, last, analyses, size));
      exhausted = page.size() < size;
    }
    BatchItem item = page.poll();
    if (item != null) {
      position = item.itemNo();
    }
    return item;
  }

  @Override
  public Serializable checkpointInfo() {
    return position;
  }
}
