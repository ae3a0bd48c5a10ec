package dev.sluice.it.corpus;

import java.util.Map;

/**
 * One request of the corpus.
 *
 * @param name where it comes from and what it varies, for the report
 * @param who whose credentials it carries
 * @param method the HTTP method
 * @param target the path and query, already percent-encoded as sent
 * @param headers extra request headers
 * @param body the body, or {@code null} for none
 * @param field the parameter or body field this case spoils, which a 400 must name; {@code null}
 *     when the whole request is spoiled
 * @param mustRefuse whether only a 4xx is right (a wrong type, a broken body); otherwise a 2xx is
 *     fine too, as long as what it stored is counted
 * @param creates what a 2xx answer adds, so record counts can be checked afterwards
 * @param container whether the server's HTTP layer answers it before any application (a closed
 *     connection, or a 4xx that is empty or bare but shows no internals: Liberty's empty 400 or
 *     505, Undertow's 400 or its 404 page), which docs/hostile-input.md lists as a known answer
 */
record CorpusCase(
    String name,
    Who who,
    String method,
    String target,
    Map<String, String> headers,
    byte[] body,
    String field,
    boolean mustRefuse,
    Creates creates,
    boolean container) {

  /** Whose credentials a case carries. */
  /** The same case, but one that only a 4xx answers rightly. */
  CorpusCase refused() {
    return new CorpusCase(
        name, who, method, target, headers, body, field, true, creates, container);
  }

  enum Who {
    ANONYMOUS,
    DEMO,
    ADMIN
  }

  /** The records a successful answer to a case adds. */
  enum Creates {
    NOTHING,
    CHAT,
    MESSAGE,
    DOCUMENT,
    DOCUMENTS,
    BATCH
  }

  CorpusCase as(Who other, String suffix) {
    return new CorpusCase(
        name + suffix, other, method, target, headers, body, null, mustRefuse, creates, false);
  }
}
