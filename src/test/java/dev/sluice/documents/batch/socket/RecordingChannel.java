package dev.sluice.documents.batch.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A connection that records what it was sent; sends complete when the test says so. */
final class RecordingChannel implements Watcher.Channel {

  final List<String> sent = new ArrayList<>();
  int closes;
  private final List<Consumer<Boolean>> inFlight = new ArrayList<>();
  private final boolean completeAtOnce;

  RecordingChannel(boolean completeAtOnce) {
    this.completeAtOnce = completeAtOnce;
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public void send(String text, Consumer<Boolean> done) {
    sent.add(text);
    if (completeAtOnce) {
      done.accept(true);
    } else {
      inFlight.add(done);
    }
  }

  @Override
  public void close() {
    closes++;
  }

  /** Completes the oldest send still in flight. */
  void completeOne() {
    inFlight.remove(0).accept(true);
  }
}
