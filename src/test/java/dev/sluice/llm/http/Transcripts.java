package dev.sluice.llm.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Flow;

/** Loads recorded wire transcripts and replays them in every way a network could cut them. */
public final class Transcripts {

  private Transcripts() {}

  public static byte[] load(String name) {
    try (InputStream in = Transcripts.class.getResourceAsStream("/transcripts/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no transcript " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every way to cut the bytes in two, one byte at a time, and a few seeded random cuttings into
   * many pieces.
   */
  public static List<List<byte[]>> cuttings(byte[] bytes) {
    List<List<byte[]>> all = new ArrayList<>();
    for (int i = 0; i <= bytes.length; i++) {
      all.add(List.of(Arrays.copyOfRange(bytes, 0, i), Arrays.copyOfRange(bytes, i, bytes.length)));
    }
    List<byte[]> single = new ArrayList<>();
    for (byte b : bytes) {
      single.add(new byte[] {b});
    }
    all.add(single);
    for (long seed = 1; seed <= 20; seed++) {
      all.add(randomCut(bytes, new Random(seed)));
    }
    return all;
  }

  private static List<byte[]> randomCut(byte[] bytes, Random random) {
    List<byte[]> pieces = new ArrayList<>();
    int at = 0;
    while (at < bytes.length) {
      int size = Math.min(bytes.length - at, 1 + random.nextInt(7));
      pieces.add(Arrays.copyOfRange(bytes, at, at + size));
      at += size;
    }
    return pieces;
  }

  /** Decodes and parses the pieces in order, returning every dispatched event. */
  public static List<SseEvent> parse(List<byte[]> pieces) {
    List<SseEvent> events = new ArrayList<>();
    Utf8StreamDecoder decoder = new Utf8StreamDecoder();
    SseParser parser = new SseParser(events::add);
    for (byte[] piece : pieces) {
      parser.feed(decoder.decode(ByteBuffer.wrap(piece)));
    }
    parser.feed(decoder.finish());
    parser.finish();
    return events;
  }

  /**
   * Replays the pieces into a body subscriber the way the JDK client does: only on demand, then
   * completes the body unless the subscriber cancelled.
   *
   * @return whether the subscriber cancelled the subscription
   */
  public static boolean replay(Flow.Subscriber<List<ByteBuffer>> subscriber, List<byte[]> pieces) {
    FakeSubscription subscription = new FakeSubscription();
    subscriber.onSubscribe(subscription);
    for (byte[] piece : pieces) {
      if (subscription.cancelled) {
        return true;
      }
      if (subscription.demand <= 0) {
        throw new AssertionError("subscriber did not ask for more");
      }
      subscription.demand--;
      subscriber.onNext(List.of(ByteBuffer.wrap(piece)));
    }
    if (!subscription.cancelled) {
      subscriber.onComplete();
    }
    return subscription.cancelled;
  }

  private static final class FakeSubscription implements Flow.Subscription {
    long demand;
    boolean cancelled;

    @Override
    public void request(long n) {
      demand += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }
}
