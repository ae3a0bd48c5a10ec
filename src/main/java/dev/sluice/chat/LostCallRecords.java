package dev.sluice.chat;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.CallRecords;
import dev.sluice.admission.ProviderCallEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Call records are written in batches a second or so after each call ends, so a {@code kill -9}
 * takes the records of the calls that ended just before it. When a node has ended, the answers it
 * ended in the {@link #LOOK_BACK} before its last heartbeat are looked up, and each whose call is
 * not on record is recorded again from its row (tokens, cost and timings are stored with the
 * answer). A record is written only after its answer's end ({@link dev.sluice.admission.EndKept}),
 * so an answer the database still shows streaming never has a completed call on record.
 */
@ApplicationScoped
public class LostCallRecords {

  /** Far longer than the records wait in the buffer, even behind a slow database. */
  static final Duration LOOK_BACK = Duration.ofMinutes(10);

  private static final Logger LOG = Logger.getLogger(LostCallRecords.class.getName());
  private static final int PAGE = 500;

  @Inject ChatJobStore store;
  @Inject CallRecords records;
  @Inject Event<ProviderCallEnded> calls;

  /** Records again the calls of node {@code nodeId} whose records were lost; returns how many. */
  public int recordLost(String nodeId, Instant lastHeartbeat) {
    int recorded = 0;
    String after = "";
    List<EndedAnswer> page;
    do {
      page = store.endedBy(nodeId, lastHeartbeat.minus(LOOK_BACK), after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      Set<String> onRecord =
          records.recorded(
              CallOrigin.Source.CHAT, page.stream().map(e -> e.answer().id()).toList());
      for (EndedAnswer ended : page) {
        if (!onRecord.contains(ended.answer().id())) {
          calls.fire(AnswerCalls.ended(ended));
          recorded++;
        }
      }
      after = page.get(page.size() - 1).answer().id();
    } while (page.size() == PAGE);
    // Written now, so a later run of this recovery (after a failure further on) sees them.
    if (recorded > 0 && !records.writeWaiting()) {
      LOG.warning("the call records lost with node " + nodeId + " wait to be written");
    }
    if (recorded > 0) {
      LOG.info(recorded + " call record(s) lost with node " + nodeId + " were written again");
    }
    return recorded;
  }
}
