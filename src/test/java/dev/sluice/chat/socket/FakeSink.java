package dev.sluice.chat.socket;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A session that records what was sent. A fast one completes every send at once; a slow one keeps
 * its sends in flight until the test lets them finish.
 */
final class FakeSink implements FrameSink {

  private final boolean fast;
  private final List<String> sent = new ArrayList<>();
  private final Queue<Consumer<Boolean>> inFlight = new ArrayDeque<>();

  private FakeSink(boolean fast) {
    this.fast = fast;
  }

  static FakeSink fast() {
    return new FakeSink(true);
  }

  static FakeSink slow() {
    return new FakeSink(false);
  }

  @Override
  public void send(String text, Consumer<Boolean> done) {
    synchronized (this) {
      sent.add(text);
      if (!fast) {
        inFlight.add(done);
        return;
      }
    }
    done.accept(true);
  }

  /** Lets every send finish, including those the finished ones start. */
  void drain() {
    while (true) {
      Consumer<Boolean> done;
      synchronized (this) {
        done = inFlight.poll();
      }
      if (done == null) {
        return;
      }
      done.accept(true);
    }
  }

  synchronized List<JsonObject> frames() {
    return sent.stream().map(t -> Json.createReader(new StringReader(t)).readObject()).toList();
  }

  List<String> types() {
    return frames().stream().map(f -> f.getString("type")).toList();
  }

  /**
   * Every chunk number the chunk frames carried, in the order sent: a frame of several chunks
   * ({@code fromSeq} to {@code seq}) counts each of them.
   */
  List<Long> seqs() {
    return chunkFrames()
        .flatMap(
            f ->
                LongStream.rangeClosed(
                        f.getJsonNumber(f.containsKey("fromSeq") ? "fromSeq" : "seq").longValue(),
                        f.getJsonNumber("seq").longValue())
                    .boxed())
        .toList();
  }

  /** The last chunk number of each chunk frame, in the order sent: one entry per frame. */
  List<Long> frameSeqs() {
    return chunkFrames().map(f -> f.getJsonNumber("seq").longValue()).toList();
  }

  private Stream<JsonObject> chunkFrames() {
    return frames().stream().filter(f -> f.getString("type").equals("chunk"));
  }
}
