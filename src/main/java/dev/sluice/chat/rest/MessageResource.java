package dev.sluice.chat.rest;

import dev.sluice.chat.MessageService;
import dev.sluice.chat.PostedMessages;
import dev.sluice.platform.problem.ProblemException;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A chat's messages: ask a question (answered asynchronously) or edit the latest one, regenerate
 * the latest answer, read them in order, cancel an answer.
 */
@Path("/chats/{id}/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Messages", description = "Questions and streamed answers of a chat")
@APIResponse(responseCode = "404", description = "No such chat or message, or not the caller's")
public class MessageResource {

  @Inject MessageService messages;

  @POST
  @Operation(summary = "Ask a question; the answer is queued and written as it streams")
  @APIResponse(responseCode = "202", description = "The question and the queued answer")
  @APIResponse(
      responseCode = "400",
      description =
          "Malformed JSON, empty or oversized content, an unknown priority or model, or"
              + " 'replaces' not a question of this chat")
  @APIResponse(
      responseCode = "409",
      description = "'replaces' is not the latest question, or its answer is still under way")
  @APIResponse(responseCode = "415", description = "Not application/json")
  public CompletionStage<Response> ask(@PathParam("id") String chatId, NewMessage body) {
    if (body == null) {
      throw ProblemException.invalidField(400, "content", "must not be empty");
    }
    if (body.replaces() != null) {
      // An edit checks what is latest in the chat: one transaction of its own.
      return CompletableFuture.completedFuture(
          accepted(
              messages.ask(
                  chatId, body.content(), body.priority(), body.model(), body.replaces())));
    }
    // The request's thread is given back while the question waits for its shared commit.
    CompletableFuture<Response> response = new CompletableFuture<>();
    messages
        .post(chatId, body.content(), body.priority(), body.model())
        .whenComplete(
            (posted, error) -> {
              if (error == null) {
                response.complete(accepted(posted));
              } else {
                // The refusal itself (a problem), so the exception mappers see what it is.
                response.completeExceptionally(
                    error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error);
              }
            });
    return response;
  }

  private static Response accepted(PostedMessages posted) {
    return Response.accepted(PostedView.of(posted)).build();
  }

  @POST
  @Path("/{messageId}/regenerate")
  @Operation(
      summary = "Answer the latest question again",
      description =
          "A new answer is queued after the chat's latest answer, which it replaces in later"
              + " prompts; the old answer is kept. The body is optional.")
  @APIResponse(responseCode = "202", description = "The new, queued answer")
  @APIResponse(responseCode = "400", description = "An unknown priority or model")
  @APIResponse(
      responseCode = "409",
      description = "Not the chat's latest answer, or it is still queued or streaming")
  public Response regenerate(
      @PathParam("id") String chatId, @PathParam("messageId") String messageId, Regeneration body) {
    Regeneration request = body == null ? new Regeneration(null, null) : body;
    return Response.accepted(
            MessageView.of(
                messages.regenerate(chatId, messageId, request.priority(), request.model())))
        .build();
  }

  @GET
  @Operation(summary = "The chat's messages in order")
  @APIResponse(responseCode = "200", description = "Messages after the given seq, oldest first")
  public List<MessageView> list(
      @PathParam("id") String chatId,
      @Parameter(description = "Only messages with a larger seq (default 0)") @QueryParam("after")
          String after,
      @Parameter(description = "At most this many, 1 to 100 (default 20)") @QueryParam("limit")
          String limit) {
    int size = PageLimit.parse(limit, "limit");
    return messages.list(chatId, afterSeq(after), size).stream().map(MessageView::of).toList();
  }

  @POST
  @Path("/{messageId}/cancel")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Cancel an answer that is queued or streaming")
  @APIResponse(responseCode = "202", description = "Cancelled, or being cancelled")
  @APIResponse(responseCode = "409", description = "The answer has already ended")
  public Response cancel(@PathParam("id") String chatId, @PathParam("messageId") String messageId) {
    return Response.accepted(MessageView.of(messages.cancel(chatId, messageId))).build();
  }

  private static int afterSeq(String after) {
    if (after == null || after.isBlank()) {
      return 0;
    }
    try {
      int seq = Integer.parseInt(after.strip());
      if (seq >= 0) {
        return seq;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.invalidField(400, "after", "a message seq, 0 or more");
  }
}
