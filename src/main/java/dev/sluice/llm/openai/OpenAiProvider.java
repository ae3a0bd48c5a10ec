package dev.sluice.llm.openai;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.StreamAccumulator;
import dev.sluice.llm.Transcription;
import dev.sluice.llm.TranscriptionRequest;
import dev.sluice.llm.http.HttpClients;
import dev.sluice.llm.http.HttpErrorClassifier;
import dev.sluice.llm.http.SseProvider;
import dev.sluice.llm.http.SseStreamHandler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletionStage;

/**
 * An {@link LlmProvider} speaking OpenAI's Chat Completions protocol with streaming, over one
 * shared non-blocking {@link HttpClient}; audio goes to the transcriptions endpoint.
 */
public final class OpenAiProvider extends SseProvider {

  private final OpenAiTranscriber transcriber;

  public OpenAiProvider(ProviderSettings settings, ProviderRuntime runtime) {
    super(settings, runtime);
    this.transcriber = new OpenAiTranscriber(settings, runtime, client, this::classifier);
  }

  @Override
  protected HttpRequest httpRequest(ChatRequest request) {
    return chatRequest(request);
  }

  @Override
  protected SseStreamHandler handler(
      StreamAccumulator accumulator, HttpErrorClassifier classifier) {
    return new OpenAiStreamHandler(accumulator, classifier);
  }

  @Override
  public CompletionStage<Transcription> transcribe(TranscriptionRequest request) {
    return transcriber.transcribe(request);
  }

  HttpRequest chatRequest(ChatRequest request) {
    return streamingPost(
        request(settings, "/chat/completions"), OpenAiRequestWriter.write(request));
  }

  /**
   * A request to {@code path} under the base URL with the key and the extra headers: what every
   * call of this protocol starts from (chat, transcription, files and batches).
   */
  public static HttpRequest.Builder request(ProviderSettings settings, String path) {
    return HttpClients.authorized(
        HttpClients.endpoint(settings.baseUrl(), path), settings, "Authorization", "Bearer ");
  }
}
