package dev.sluice.bench;

/**
 * The server JVM at one moment.
 *
 * @param threads live threads
 * @param peakThreads most live threads since the server started
 * @param liveHeapBytes heap in use by reachable objects
 * @param maxHeapBytes the heap's limit
 * @param histogram live objects by class (empty when {@link #method} is not a histogram)
 * @param method how {@link #liveHeapBytes} was measured
 */
record ServerSnapshot(
    int threads,
    int peakThreads,
    long liveHeapBytes,
    long maxHeapBytes,
    HeapHistogram histogram,
    String method) {}
