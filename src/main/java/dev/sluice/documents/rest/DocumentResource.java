package dev.sluice.documents.rest;

import dev.sluice.documents.Document;
import dev.sluice.documents.DocumentFilter;
import dev.sluice.documents.DocumentIntake;
import dev.sluice.documents.DocumentService;
import dev.sluice.documents.DocumentSettings;
import dev.sluice.documents.IncomingDocument;
import dev.sluice.documents.batch.BatchQueries;
import dev.sluice.documents.jobs.DocumentJobs;
import dev.sluice.documents.jobs.UploadAnalyses;
import dev.sluice.platform.rest.PageCursor;
import dev.sluice.platform.rest.PageLimit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's documents: upload a file or send text (optionally asking for analyses right away),
 * list (keyset-paged), read with its analyses, delete.
 */
@Path("/documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "Documents of the signed-in user, for analysis")
@APIResponse(responseCode = "401", description = "Not signed in")
public class DocumentResource {

  // One operation in OpenAPI for both bodies: they share the path and the method.
  static final String STORE = "Store a document: a file (multipart/form-data) or a text (JSON)";
  static final String STORE_DETAIL =
      "A file's type is read from its bytes; text is extracted from PDF, DOCX, HTML, Markdown and"
          + " plain text, while PNG, JPEG, WebP, MP3, WAV and M4A are kept as they are.";
  static final String BAD_REQUEST =
      "No 'file' part or an empty file; malformed JSON, a missing title or text, an empty or too"
          + " long text; an unknown analysis, model or priority, custom without instruction";
  static final int MAX_ANALYSES_SHOWN = 100;

  @Inject DocumentIntake intake;
  @Inject DocumentService documents;
  @Inject DocumentSettings settings;
  @Inject DocumentJobs jobs;
  @Inject BatchQueries results;

  @Context SecurityContext security;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @LimitedUpload
  @Operation(summary = STORE, description = STORE_DETAIL)
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema = @Schema(implementation = UploadForm.class)))
  @APIResponse(responseCode = "201", description = "Stored; Location names the new document")
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "413", description = "Larger than sluice.documents.max-upload-bytes")
  @APIResponse(responseCode = "415", description = "Not a type Sluice accepts")
  @APIResponse(
      responseCode = "422",
      description = "No text could be extracted (damaged, password-protected, no text, too long)")
  public Response upload(List<EntityPart> parts, @BeanParam AnalyzeParams analyze) {
    requireSignIn();
    UploadAnalyses asked = analyze.check(jobs);
    MultipartUpload form = MultipartUpload.read(parts);
    return asked == null
        ? created(intake.upload(form.file(), form.title()))
        : queued(() -> intake.read(form.file(), form.title()), asked);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @LimitedUpload
  @Operation(summary = STORE, description = STORE_DETAIL)
  @APIResponse(responseCode = "201", description = "Stored; Location names the new document")
  @APIResponse(responseCode = "400", description = BAD_REQUEST)
  @APIResponse(responseCode = "413", description = "Larger than sluice.documents.max-upload-bytes")
  public Response create(NewDocument body, @BeanParam AnalyzeParams analyze) {
    requireSignIn();
    UploadAnalyses asked = analyze.check(jobs);
    NewDocument request = body == null ? new NewDocument(null, null) : body;
    return asked == null
        ? created(intake.create(request.title(), request.text()))
        : queued(() -> intake.readText(request.title(), request.text()), asked);
  }

  @GET
  @Operation(summary = "The caller's documents, newest first, without their text")
  @APIResponse(responseCode = "200", description = "One page; 'next' is the following one's cursor")
  @APIResponse(responseCode = "400", description = "A bad limit, cursor or filter")
  public DocumentPageView list(
      @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("after")
          String after,
      @Parameter(description = "Only this content type, e.g. application/pdf")
          @QueryParam("contentType")
          String contentType,
      @Parameter(description = "Only titles containing this, ignoring case") @QueryParam("title")
          String title) {
    requireSignIn();
    int size = PageLimit.parse(limit, "limit");
    PageCursor<LocalDateTime> afterCreatedAt = PageCursor.decodeTime(after, "after");
    return DocumentPageView.of(
        documents.mine(DocumentFilter.of(contentType, title), size, afterCreatedAt));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One document with the start of its text (its owner's, or any for an admin)")
  @APIResponse(responseCode = "200", description = "The document")
  @APIResponse(responseCode = "404", description = "No such document, or not the caller's")
  public DocumentView get(@PathParam("id") String id) {
    requireSignIn();
    Document document = documents.get(id);
    List<DocumentAnalysisView> analyses =
        results.ofDocument(document.id(), MAX_ANALYSES_SHOWN).stream()
            .map(DocumentAnalysisView::of)
            .toList();
    return DocumentView.of(document, settings.previewChars(), analyses, null);
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a document and its stored bytes")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such document, or not the caller's")
  public Response delete(@PathParam("id") String id) {
    requireSignIn();
    documents.delete(id);
    return Response.noContent().build();
  }

  private Response created(Document document) {
    return Response.created(location(document))
        .entity(DocumentView.of(document, settings.previewChars()))
        .build();
  }

  /** Reads the document (no transaction), then stores it with its run and job in one. */
  private Response queued(Supplier<IncomingDocument> read, UploadAnalyses asked) {
    IncomingDocument incoming = read.get();
    String runId = jobs.storeAndQueue(incoming, asked);
    Document document = incoming.document();
    List<DocumentAnalysisView> analyses =
        asked.analyses().stream().map(kind -> DocumentAnalysisView.queued(runId, kind)).toList();
    URI location = location(document);
    return Response.created(location)
        .entity(
            DocumentView.of(
                document,
                settings.previewChars(),
                analyses,
                Map.of("analyses", location.getPath())))
        .build();
  }

  private URI location(Document document) {
    return uri.getBaseUriBuilder().path("documents").path(document.id()).build();
  }

  /** web.xml demands sign-in here; should that ever change, the answer is a 401, not a 500. */
  private void requireSignIn() {
    RestSignIn.require(security);
  }
}
