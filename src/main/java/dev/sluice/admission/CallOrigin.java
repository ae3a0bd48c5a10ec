package dev.sluice.admission;

import java.util.Objects;

/**
 * Who a provider call is for, so that its record can be found and charged: the kind of work, the
 * user it is for, and what it produces (a chat answer's id, or a batch and document).
 *
 * @param source the kind of work
 * @param owner the user the call is for (the batch's or chat's owner), or {@value #SYSTEM}
 * @param reference what the call produces: a chat answer's id, a document's id; may be null
 * @param batchId the batch or upload run the call belongs to, or null
 */
public record CallOrigin(Source source, String owner, String reference, String batchId) {

  /** The owner of calls no user asked for. */
  public static final String SYSTEM = "system";

  /** A call whose origin nobody told the gate. */
  public static final CallOrigin UNKNOWN = new CallOrigin(Source.OTHER, SYSTEM, null, null);

  /** The kinds of work that call providers. */
  public enum Source {
    CHAT,
    BATCH,
    UPLOAD,
    OTHER
  }

  public CallOrigin {
    Objects.requireNonNull(source, "source");
    owner = owner == null || owner.isBlank() ? SYSTEM : owner;
  }

  /** The same origin about another thing it produces (a batch's calls, per document). */
  public CallOrigin about(String otherReference) {
    return new CallOrigin(source, owner, otherReference, batchId);
  }

  public static CallOrigin chat(String owner, String answerId) {
    return new CallOrigin(Source.CHAT, owner, answerId, null);
  }

  /** A document analysis in a batch ({@code upload} false) or in an upload's own run. */
  public static CallOrigin document(boolean upload, String owner, String documentId, String runId) {
    return new CallOrigin(upload ? Source.UPLOAD : Source.BATCH, owner, documentId, runId);
  }
}
