package dev.sluice.documents.rest;

import dev.sluice.documents.BulkLoad;
import dev.sluice.documents.DocumentSettings;
import dev.sluice.documents.SizeLimitedStream;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Many text documents in one request, as JSON Lines, stored whole or not at all. */
@Path("/documents/bulk")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@APIResponse(responseCode = "401", description = "Not signed in")
public class DocumentBulkResource {

  static final String NDJSON = "application/x-ndjson";

  @Inject BulkLoad bulk;
  @Inject DocumentSettings settings;

  @Context SecurityContext security;
  @Context HttpHeaders headers;

  @POST
  @Consumes(NDJSON)
  @Operation(
      summary = "Store many text documents: one {\"title\", \"text\"} JSON object per line",
      description =
          "Read and stored as the body arrives, in one transaction: a bad line rolls back every"
              + " line before it, and the error names the line.")
  @RequestBody(
      content =
          @Content(
              mediaType = NDJSON,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
  @APIResponse(responseCode = "201", description = "Every line stored")
  @APIResponse(
      responseCode = "400",
      description =
          "A line that is not JSON, lacks a title or text, or is too long; nothing stored")
  @APIResponse(
      responseCode = "413",
      description = "More than sluice.documents.bulk.max-bytes or .max-lines; nothing stored")
  @APIResponse(responseCode = "415", description = "Not application/x-ndjson")
  public Response load(InputStream body) {
    RestSignIn.require(security);
    long max = settings.bulk().maxBytes();
    if (headers.getLength() > max) {
      throw SizeLimitedStream.tooLarge(max);
    }
    List<String> ids = bulk.load(body);
    return Response.status(Response.Status.CREATED).entity(new BulkView(ids.size(), ids)).build();
  }
}
