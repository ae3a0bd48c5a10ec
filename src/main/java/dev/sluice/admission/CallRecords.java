package dev.sluice.admission;

import java.util.Collection;
import java.util.Set;

/**
 * Which provider calls are on record (every {@link ProviderCallEnded} becomes one): asked at start
 * by work that recovers from a crash, so a call whose record was still waiting to be written when
 * the server died can be recorded again from the work's own rows.
 */
public interface CallRecords {

  /** Of {@code references} (answer ids, document ids), those with a record of {@code source}. */
  Set<String> recorded(CallOrigin.Source source, Collection<String> references);

  /**
   * Writes the records still waiting on this server now, so that work recovered again (a recovery
   * that failed half way is run again on the next heartbeat) finds what its first run recorded and
   * does not record it twice; false if the database refused them (they stay waiting).
   */
  boolean writeWaiting();
}
