package dev.sluice.queues.rest;

import dev.sluice.platform.rest.PageLimit;
import dev.sluice.queues.FailedJobs;
import dev.sluice.queues.JobQueue;
import dev.sluice.queues.JobQueues;
import dev.sluice.queues.MessageIds;
import dev.sluice.queues.QueueReader;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The job queues for operators (the {@code admin} role, see web.xml): how deep each is, which jobs
 * failed every delivery, and retrying or dropping one of those.
 */
@Path("/admin/queues")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "The operators' console")
public class QueuesResource {

  @Inject JobQueues queues;
  @Inject QueueReader reader;
  @Inject FailedJobs failedJobs;

  @GET
  @Operation(summary = "Every job queue's depth by JMS priority, and its failed jobs' count")
  @APIResponse(responseCode = "200", description = "Counts stop at sluice.admin.queue-count-cap")
  public List<QueueView> queues() {
    return queues.all().stream().map(reader::summary).map(QueueView::of).toList();
  }

  @GET
  @Path("/{name}/failed")
  @Operation(summary = "The newest jobs that failed every delivery, newest first")
  @APIResponse(responseCode = "200", description = "At most limit (1-200, default 50) jobs")
  @APIResponse(responseCode = "404", description = "No such queue")
  public FailedPageView failed(@PathParam("name") String name, @QueryParam("limit") String limit) {
    JobQueue queue = queues.named(name);
    return new FailedPageView(reader.failed(queue, PageLimit.parseConsole(limit)));
  }

  @POST
  @Path("/{name}/failed/{messageId}/retry")
  @Operation(summary = "Make the job's work runnable again and move the job back to its queue")
  @APIResponse(responseCode = "200", description = "The job is back on its queue")
  @APIResponse(responseCode = "400", description = "Not a JMS message id")
  @APIResponse(responseCode = "404", description = "No such queue, or no such failed job")
  @APIResponse(responseCode = "409", description = "The job's work can not run again")
  public FailedJobs.Retried retry(
      @PathParam("name") String name, @PathParam("messageId") String messageId) {
    JobQueue queue = queues.named(name);
    return failedJobs.retry(queue, MessageIds.checked(messageId));
  }

  @POST
  @Path("/{name}/failed/{messageId}/discard")
  @Operation(summary = "Drop the failed job; its work keeps its failed state")
  @APIResponse(responseCode = "204", description = "Dropped")
  @APIResponse(responseCode = "400", description = "Not a JMS message id")
  @APIResponse(responseCode = "404", description = "No such queue, or no such failed job")
  public Response discard(
      @PathParam("name") String name, @PathParam("messageId") String messageId) {
    JobQueue queue = queues.named(name);
    failedJobs.discard(queue, MessageIds.checked(messageId));
    return Response.noContent().build();
  }
}
