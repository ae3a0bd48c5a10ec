package dev.sluice.generations.rest;

import dev.sluice.generations.Generation;
import dev.sluice.generations.GenerationFilter;
import dev.sluice.generations.GenerationQueries;
import dev.sluice.platform.database.Timestamps;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.rest.PageCursor;
import dev.sluice.platform.rest.PageLimit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every provider call, for operators: filter, page, open one. */
@Path("/admin/generations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "The admin console (admin role)")
public class AdminGenerationsResource {

  @Inject GenerationQueries queries;

  @GET
  @Operation(summary = "Provider calls, newest first, by status, model, user, source and time")
  @APIResponse(responseCode = "200", description = "A page; 'next' fetches the following one")
  @APIResponse(responseCode = "400", description = "A filter, the limit or the cursor is invalid")
  @APIResponse(responseCode = "503", description = "The query ran past the console's timeout")
  public GenerationPageView list(
      @QueryParam("status") String status,
      @QueryParam("model") String model,
      @QueryParam("user") String user,
      @QueryParam("source") String source,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    GenerationFilter filter = GenerationFilter.parse(status, model, user, source, from, to);
    int max = PageLimit.parseConsole(limit);
    PageCursor<LocalDateTime> afterStartedAt = PageCursor.decodeTime(cursor, "cursor");
    List<Generation> rows = queries.page(filter, afterStartedAt, max + 1);
    boolean more = rows.size() > max;
    List<Generation> page = more ? rows.subList(0, max) : rows;
    String next = null;
    if (more) {
      Generation last = page.get(page.size() - 1);
      LocalDateTime startedAt = Timestamps.fromInstant(last.startedAt());
      next = new PageCursor<>(startedAt, last.id()).encode();
    }
    return new GenerationPageView(page.stream().map(GenerationView::summary).toList(), next);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One provider call: tries, fallback chain, timings, tokens, cost")
  @APIResponse(responseCode = "200", description = "The call")
  @APIResponse(responseCode = "404", description = "No such call (or purged)")
  public GenerationView get(@PathParam("id") String id) {
    return queries
        .find(id)
        .map(GenerationView::detail)
        .orElseThrow(() -> ProblemException.notFound("generation", id));
  }
}
