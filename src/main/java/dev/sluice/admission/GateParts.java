package dev.sluice.admission;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.StreamListener;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/** What every gated call of one {@link Gate} shares. */
record GateParts(
    Function<String, Lane> lanes,
    Function<String, String> providers,
    BiFunction<ChatRequest, StreamListener, ChatStream> upstream,
    ProviderBreakers breakers,
    FallbackChain fallbacks,
    RetryPolicy policy,
    ScheduledExecutorService scheduler,
    LongSupplier nanoTime,
    Clock clock,
    RandomGenerator random) {}
