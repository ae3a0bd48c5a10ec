package dev.sluice.documents.batch.admin.rest;

import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.AnalysisResult;
import dev.sluice.documents.batch.BatchLimiters;
import dev.sluice.documents.batch.BatchService;
import dev.sluice.documents.batch.admin.AdminBatchService;
import dev.sluice.documents.batch.admin.BatchListFilter;
import dev.sluice.documents.batch.admin.BatchSummary;
import dev.sluice.documents.batch.admin.Page;
import dev.sluice.documents.batch.rest.BatchView;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/batches}: every user's batches for operators, and control over any of them. */
@Path("/admin/batches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Console: batches", description = "Every user's document batches (admin role)")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an admin")
@APIResponse(responseCode = "503", description = "A query ran past sluice.admin.query-timeout")
public class AdminBatchResource {

  @Inject AdminBatchService console;
  @Inject BatchService batches;
  @Inject BatchLimiters limiters;

  @GET
  @Operation(summary = "Every user's batches, newest first, with a progress summary each")
  @APIResponse(responseCode = "200", description = "A page of batches")
  @APIResponse(
      responseCode = "400",
      description = "An unknown status, a malformed instant or cursor, a limit out of range")
  public Page<BatchSummary> list(
      @Parameter(description = "starting, started, stopping, stopped, failed, completed, abandoned")
          @QueryParam("status")
          String status,
      @Parameter(description = "The owner's user name") @QueryParam("owner") String owner,
      @Parameter(description = "Created at or after this ISO-8601 instant") @QueryParam("from")
          String from,
      @Parameter(description = "Created before this ISO-8601 instant") @QueryParam("to") String to,
      @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor")
          String cursor) {
    return console.list(BatchListFilter.parse(status, owner, from, to, limit, cursor));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "A batch with per-partition progress, rate, estimated end and its job log")
  @APIResponse(responseCode = "200", description = "The batch")
  @APIResponse(responseCode = "404", description = "No such batch")
  public BatchView get(@PathParam("id") String id) {
    return view(batches.get(id));
  }

  @GET
  @Path("/{id}/errors")
  @Operation(summary = "A batch's failed results in document order")
  @APIResponse(responseCode = "200", description = "A page of failed results")
  @APIResponse(responseCode = "400", description = "A limit out of range, a malformed cursor")
  @APIResponse(responseCode = "404", description = "No such batch")
  public Page<ErrorView> errors(
      @PathParam("id") String id,
      @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor")
          String cursor) {
    int size = PageLimit.parseConsole(limit);
    PageCursor<Integer> afterItem = PageCursor.decodeInt(cursor, "cursor");
    Page<AnalysisResult> page = console.errors(id, size, afterItem);
    return new Page<>(page.items().stream().map(ErrorView::of).toList(), page.next());
  }

  @POST
  @Path("/{id}/stop")
  @Operation(summary = "Stop anyone's running batch after its current chunks")
  @APIResponse(responseCode = "202", description = "Stopping")
  @APIResponse(responseCode = "404", description = "No such batch")
  @APIResponse(responseCode = "409", description = "The batch is not running")
  public Response stop(@PathParam("id") String id) {
    return Response.accepted(view(batches.stop(id))).build();
  }

  @POST
  @Path("/{id}/restart")
  @Operation(summary = "Resume a stopped or failed batch, or re-run a completed batch's failures")
  @APIResponse(responseCode = "202", description = "Restarted")
  @APIResponse(responseCode = "404", description = "No such batch")
  @APIResponse(responseCode = "409", description = "Nothing to restart")
  public Response restart(@PathParam("id") String id) {
    return Response.accepted(view(batches.restart(id))).build();
  }

  @POST
  @Path("/{id}/abandon")
  @Operation(summary = "Give up a stopped or failed batch for good: it can no longer restart")
  @APIResponse(responseCode = "200", description = "Abandoned")
  @APIResponse(responseCode = "404", description = "No such batch")
  @APIResponse(responseCode = "409", description = "The batch is not stopped or failed")
  public BatchView abandon(@PathParam("id") String id) {
    return view(console.abandon(id));
  }

  @GET
  @Path("/{id}/job-log")
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "Liberty's job log of the batch's latest execution (its last 1 MiB)")
  @APIResponse(responseCode = "200", description = "The log, as text")
  @APIResponse(responseCode = "404", description = "No such batch, or no job log on this server")
  @APIResponse(responseCode = "501", description = "This server keeps no job logs (WildFly)")
  public String jobLog(@PathParam("id") String id) {
    return console.jobLog(id);
  }

  private BatchView view(AnalysisBatch batch) {
    String self = "/api/admin/batches/" + batch.id();
    return BatchView.of(batch, batches.progress(batch), limiters.inFlight(batch.id()))
        .withLinks(
            Map.of(
                "jobLog", self + "/job-log",
                "errors", self + "/errors",
                "abandon", self + "/abandon"));
  }
}
