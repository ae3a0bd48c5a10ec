package dev.sluice.documents.batch.rest;

import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchLimiters;
import dev.sluice.documents.batch.BatchRequest;
import dev.sluice.documents.batch.BatchService;
import dev.sluice.platform.rest.PageCursor;
import dev.sluice.platform.rest.PageLimit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/batches}: submit, list, follow, stop and restart document batches. */
@Path("/batches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Batches", description = "Analyse many documents with Jakarta Batch")
@APIResponse(responseCode = "404", description = "No such batch, or not the caller's")
public class BatchResource {

  @Inject BatchService batches;
  @Inject BatchPages pages;
  @Inject BatchLimiters limiters;
  @Context UriInfo uri;

  @POST
  @Operation(summary = "Submit a batch: which documents, which analyses, how")
  @APIResponse(responseCode = "202", description = "Accepted: the job has started")
  @APIResponse(
      responseCode = "400",
      description =
          "Malformed JSON, no or unknown documents, an empty selection, an unknown analysis or model, a bound out of range")
  public Response submit(BatchRequest request) {
    AnalysisBatch batch = batches.submit(request);
    return Response.accepted(view(batch))
        // From the application's base (…/api/), not a root-relative "/api/…", which JAX-RS
        // resolves against that base again.
        .location(uri.getBaseUriBuilder().path("batches").path(batch.id()).build())
        .build();
  }

  @GET
  @Operation(summary = "The caller's batches, newest first")
  @APIResponse(responseCode = "200", description = "A page of batches")
  public BatchPageView list(
      @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("after")
          String after) {
    return pages.batches(PageLimit.parse(limit, "limit"), PageCursor.decodeTime(after, "after"));
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary =
          "A batch: status, progress per partition and in total, tokens, cost, rate, estimated completion")
  @APIResponse(responseCode = "200", description = "The batch")
  public BatchView get(@PathParam("id") String id) {
    return view(batches.get(id));
  }

  @POST
  @Path("/{id}/stop")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Stop a running batch after its current chunks")
  @APIResponse(responseCode = "202", description = "Stopping")
  @APIResponse(responseCode = "409", description = "The batch is not running")
  public Response stop(@PathParam("id") String id) {
    return Response.accepted(view(batches.stop(id))).build();
  }

  @POST
  @Path("/{id}/restart")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Resume a stopped or failed batch from its checkpoints, or re-run a completed batch's failed results")
  @APIResponse(responseCode = "202", description = "Restarted")
  @APIResponse(responseCode = "409", description = "Nothing to restart")
  public Response restart(@PathParam("id") String id) {
    return Response.accepted(view(batches.restart(id))).build();
  }

  @GET
  @Path("/{id}/results")
  @Operation(summary = "A batch's results in document order, with errors")
  @APIResponse(responseCode = "200", description = "A page of results")
  public ResultPageView results(
      @PathParam("id") String id,
      @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("after")
          String after) {
    return pages.results(
        batches.get(id), PageLimit.parse(limit, "limit"), PageCursor.decodeInt(after, "after"));
  }

  private BatchView view(AnalysisBatch batch) {
    return BatchView.of(batch, batches.progress(batch), limiters.inFlight(batch.id()));
  }
}
