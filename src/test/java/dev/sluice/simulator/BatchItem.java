package dev.sluice.simulator;

import io.vertx.core.json.JsonObject;

/**
 * One request of a batch with the answer it gets if it runs, decided when the batch is created: the
 * status and JSON body the non-streaming endpoint would have answered with, so a batch's results
 * are exactly what the same requests would have got one by one.
 *
 * @param customId the caller's id of the request, unique in its batch
 * @param requestId the id the provider gives the request ({@code req_sim_<ordinal>})
 * @param status 200 for an answer; the fault's or the validation's status otherwise
 * @param body the completion or message, or the provider's error body
 * @param expires true when the request carries {@code [sim:batch-expire]}: the batch expires here
 */
record BatchItem(String customId, String requestId, int status, JsonObject body, boolean expires) {

  boolean succeeded() {
    return status == 200;
  }
}
