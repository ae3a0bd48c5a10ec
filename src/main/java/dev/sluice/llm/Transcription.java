package dev.sluice.llm;

import java.math.BigDecimal;
import java.time.Duration;

/** The text of a transcribed audio file, with who made it and how long it took. */
public record Transcription(
    String text,
    String model,
    String provider,
    String providerRequestId,
    Duration totalTime,
    BigDecimal costUsd) {}
