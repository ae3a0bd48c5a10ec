package dev.sluice.chat.rest;

import dev.sluice.chat.Chat;
import dev.sluice.chat.ChatService;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.rest.PageCursor;
import dev.sluice.platform.rest.PageLimit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's chats: create, list (newest first, keyset-paged), read, rename, delete. */
@Path("/chats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Chats", description = "Chats of the signed-in user")
@APIResponse(responseCode = "401", description = "Not signed in")
public class ChatResource {

  @Inject ChatService chats;

  @Context SecurityContext security;
  @Context UriInfo uri;

  @POST
  @Operation(summary = "Start a chat")
  @APIResponse(responseCode = "201", description = "Created; Location names the new chat")
  @APIResponse(
      responseCode = "400",
      description = "Malformed JSON, an unknown model, or a title or system prompt too long")
  @APIResponse(responseCode = "415", description = "Not application/json")
  public Response create(NewChat body) {
    requireSignIn();
    NewChat request = body == null ? new NewChat(null, null, null) : body;
    Chat chat = chats.create(request.title(), request.model(), request.systemPrompt());
    return Response.created(uri.getAbsolutePathBuilder().path(chat.id()).build())
        .entity(ChatView.of(chat))
        .build();
  }

  @GET
  @Operation(summary = "The caller's chats, most recently active first")
  @APIResponse(
      responseCode = "200",
      description = "One page; 'next' is the cursor of the following one")
  @APIResponse(
      responseCode = "400",
      description = "limit outside 1..100, or after is not a cursor this API gave")
  public ChatPageView list(
      @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("after")
          String after) {
    requireSignIn();
    int size = PageLimit.parse(limit, "limit");
    PageCursor<LocalDateTime> afterUpdatedAt = PageCursor.decodeTime(after, "after");
    return ChatPageView.of(chats.mine(size, afterUpdatedAt));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One chat (its owner's or any, for an admin)")
  @APIResponse(responseCode = "200", description = "The chat")
  @APIResponse(responseCode = "404", description = "No such chat, or not the caller's")
  public ChatView get(@PathParam("id") String id) {
    requireSignIn();
    return ChatView.of(chats.get(id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(summary = "Rename a chat")
  @APIResponse(responseCode = "200", description = "The renamed chat")
  @APIResponse(responseCode = "400", description = "Malformed JSON, a blank or too long title")
  @APIResponse(responseCode = "404", description = "No such chat, or not the caller's")
  public ChatView update(@PathParam("id") String id, ChatChanges body) {
    requireSignIn();
    if (body == null) {
      throw ProblemException.invalidField(400, "title", "must not be empty");
    }
    return ChatView.of(chats.rename(id, body.title()));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a chat and all its messages")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such chat, or not the caller's")
  public Response delete(@PathParam("id") String id) {
    requireSignIn();
    chats.delete(id);
    return Response.noContent().build();
  }

  /**
   * Until the server demands sign-in for these paths, an anonymous request reaches this resource;
   * it must get a 401, not a failure deep in the service.
   */
  private void requireSignIn() {
    if (security.getUserPrincipal() == null) {
      throw new ProblemException(Problem.of(401, "Unauthorized", "sign in to use chats"));
    }
  }
}
