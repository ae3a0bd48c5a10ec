package dev.sluice.chat.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A container may complete an asynchronous send on the calling thread. A long queue must then go
 * out in a loop: sending it by recursion would deepen the stack by one level per frame.
 */
class SynchronousSendTest {

  private static final int FRAMES = 100_000;

  @Test
  void aLongQueueDrainsWithoutGrowingTheStack() {
    Fixture fixture = new Fixture(FRAMES + 10);
    HeldThenSynchronous sink = new HeldThenSynchronous();
    Subscriber subscriber = fixture.subscribe(sink);
    // Status frames: chunks queued behind a send would leave as one frame.
    for (int i = 0; i < FRAMES; i++) {
      subscriber.frame(Frames.status(Fixture.MESSAGE, "streaming"));
    }
    assertThat(sink.sends).hasValue(1);

    sink.releaseFirst();

    assertThat(sink.sends).hasValue(FRAMES);
  }

  /** Holds the first send in flight; completes every later one before returning. */
  private static final class HeldThenSynchronous implements FrameSink {
    final AtomicInteger sends = new AtomicInteger();
    private Consumer<Boolean> first;

    @Override
    public void send(String text, Consumer<Boolean> done) {
      if (sends.incrementAndGet() == 1) {
        first = done;
        return;
      }
      done.accept(true);
    }

    void releaseFirst() {
      first.accept(true);
    }
  }
}
