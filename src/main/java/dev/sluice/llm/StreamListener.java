package dev.sluice.llm;

/**
 * Receives a stream's events. Called on the thread that delivered the bytes: implementations must
 * return quickly and never block (hand long work to an executor).
 */
@FunctionalInterface
public interface StreamListener {

  StreamListener IGNORE = event -> {};

  void on(StreamEvent event);
}
