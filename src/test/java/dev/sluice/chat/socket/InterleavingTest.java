package dev.sluice.chat.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Resumes racing the live stream: every client ends with each chunk after its position once. */
class InterleavingTest {

  private static final int CHUNKS = 2000;

  @Test
  void resumesRacingTheLiveStreamNeitherDuplicateNorSkip() throws Exception {
    Fixture fixture = new Fixture(10_000, CHUNKS);
    ExecutorService pool = Executors.newFixedThreadPool(9);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<FakeSink>> clients = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        long afterSeq = i * 50L;
        clients.add(
            pool.submit(
                () -> {
                  start.await();
                  FakeSink sink = FakeSink.fast();
                  Subscriber subscriber = fixture.subscribe(sink);
                  fixture.hub.resume(Fixture.CHAT, subscriber, Fixture.MESSAGE, afterSeq);
                  return sink;
                }));
      }
      // The first chunk exists before anyone connects, so every client joins mid-answer.
      fixture.chunks(Fixture.MESSAGE, 1, 1);
      Future<?> producer = pool.submit(() -> fixture.chunks(Fixture.MESSAGE, 2, CHUNKS));
      start.countDown();
      producer.get(30, TimeUnit.SECONDS);

      for (int i = 0; i < clients.size(); i++) {
        FakeSink sink = clients.get(i).get(30, TimeUnit.SECONDS);
        long afterSeq = i * 50L;
        assertThat(sink.seqs())
            .as("client resumed after %d", afterSeq)
            .isEqualTo(LongStream.rangeClosed(afterSeq + 1, CHUNKS).boxed().toList());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
