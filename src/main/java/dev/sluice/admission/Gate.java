package dev.sluice.admission;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.TokenCounter;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The door every provider call goes through: circuit breaker, lane admission, the upstream stream,
 * retries with backoff and fallback models. It never blocks a thread; each call runs as a {@link
 * GatedCall} driven by callbacks and the scheduler.
 */
public final class Gate {

  /** Output tokens charged at admission when a request does not cap them. */
  static final int DEFAULT_OUTPUT_ESTIMATE = 1024;

  private final GateParts parts;

  /**
   * @param lanes the lane each model queues in
   * @param providers the provider serving each model (its breaker's name)
   * @param upstream the provider layer that really streams a request
   * @param random jitter source; used under a lock, so a {@link java.util.SplittableRandom} is fine
   */
  public Gate(
      Function<String, Lane> lanes,
      Function<String, String> providers,
      BiFunction<ChatRequest, StreamListener, ChatStream> upstream,
      ProviderBreakers breakers,
      FallbackChain fallbacks,
      RetryPolicy policy,
      ScheduledExecutorService scheduler,
      LongSupplier nanoTime,
      Clock clock,
      RandomGenerator random) {
    this.parts =
        new GateParts(
            lanes, providers, upstream, breakers, fallbacks, policy, scheduler, nanoTime, clock,
            random);
  }

  /** Starts the call and returns at once; events reach the listener as the answer streams. */
  public GatedStream stream(ChatRequest request, Priority priority, StreamListener listener) {
    return stream(request, priority, listener, SendCheck.NONE);
  }

  /**
   * Starts the call and returns at once; {@code check} (null for none) is asked once, after the
   * first admission and before anything is sent.
   */
  public GatedStream stream(
      ChatRequest request, Priority priority, StreamListener listener, SendCheck check) {
    GatedCall call = new GatedCall(parts, request, priority, listener, check);
    call.start();
    return call;
  }

  /** Prompt tokens plus the requested output cap (or a default), charged at admission. */
  static long estimateTokens(ChatRequest request) {
    Integer maxOutput = request.maxOutputTokens();
    return TokenCounter.instance().countPrompt(request)
        + (maxOutput != null ? maxOutput : DEFAULT_OUTPUT_ESTIMATE);
  }
}
