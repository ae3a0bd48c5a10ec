package dev.sluice.llm.client;

import dev.sluice.llm.ChatResult;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.Price;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** A provider's stream whose result carries its cost, and whose end is counted in metrics. */
final class PricedStream implements ChatStream {

  private final ChatStream inner;
  private final CompletionStage<ChatResult> result;

  PricedStream(ChatStream inner, Price price, LlmMetrics.Call call) {
    this.inner = inner;
    this.result =
        inner
            .result()
            .thenApply(r -> r.withCost(price.cost(r.usage())))
            .whenComplete(
                (r, error) -> {
                  if (r != null) {
                    call.succeeded(r);
                  } else {
                    call.failed(unwrap(error));
                  }
                });
  }

  @Override
  public CompletionStage<ChatResult> result() {
    return result;
  }

  @Override
  public void cancel() {
    inner.cancel();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e instanceof LlmException ? e : error;
  }
}
