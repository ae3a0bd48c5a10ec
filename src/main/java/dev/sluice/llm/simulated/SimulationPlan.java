package dev.sluice.llm.simulated;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ContentPart;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.Role;
import dev.sluice.llm.TokenCounter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What happens to one simulated request: its fault if any, its pace and the token pieces of its
 * answer. Directives in the last user message decide first; otherwise faults are drawn at their
 * configured ratios from a generator seeded by the seed and the request's ordinal.
 *
 * @param fault the fault to act out, {@link Fault#NONE} for a normal answer
 * @param firstTokenDelay from the request to the first piece (the long delay for a slow one)
 * @param interTokenDelay between two pieces
 * @param pieces the answer, one token per piece (JSON-mode and {@code say} answers are as long as
 *     their text)
 * @param finishReason STOP, or LENGTH when the request's maxOutputTokens cut the answer short
 * @param cutAfter for {@link Fault#CUT}: pieces delivered before the stream breaks
 * @param retryAfter for {@link Fault#RATE_LIMITED}: how long the caller should wait
 * @param inputTokens the prompt's token count, as usage reports it
 * @param reportsUsage false when the answer is to come without any usage report
 */
public record SimulationPlan(
    Fault fault,
    Duration firstTokenDelay,
    Duration interTokenDelay,
    List<String> pieces,
    FinishReason finishReason,
    int cutAfter,
    Duration retryAfter,
    int inputTokens,
    boolean reportsUsage) {

  /** The ways a simulated request can go wrong. */
  public enum Fault {
    NONE,
    /** Answered 429 before any token. */
    RATE_LIMITED,
    /** Answered 500 before any token. */
    SERVER_ERROR,
    /** Answered 503 (529 for Anthropic) before any token. */
    OVERLOADED,
    /** The stream breaks after {@code cutAfter} pieces. */
    CUT,
    /** The first token takes the slow delay; the answer is otherwise normal. */
    SLOW_FIRST_TOKEN,
    /** The stream's first event cannot be parsed. */
    MALFORMED
  }

  public SimulationPlan {
    pieces = List.copyOf(pieces);
  }

  /**
   * Resolves the plan of a request.
   *
   * @throws IllegalArgumentException when the request carries an unknown or malformed directive
   */
  public static SimulationPlan of(SimulatorSettings settings, ChatRequest request, long ordinal) {
    Directives d = Directives.parse(request.lastUserText());
    Fault fault = directedFault(d).orElseGet(() -> drawFault(settings, ordinal));
    Duration first = d.millis("first-token").orElse(settings.firstTokenDelay());
    if (fault == Fault.SLOW_FIRST_TOKEN) {
      first = d.millis("slow-first-token").orElse(settings.slowFirstTokenDelay());
    }
    int wanted = d.count("tokens").orElse(settings.outputTokens());
    List<String> full = answer(new SimulatedText(settings.seed()), request, d, wanted);
    Integer cap = request.maxOutputTokens();
    boolean capped = cap != null && cap < full.size();
    return new SimulationPlan(
        fault,
        first,
        d.millis("delay").orElse(settings.interTokenDelay()),
        // A capped answer is the start of the full one, as when a real model hits its limit.
        full.subList(0, capped ? cap : full.size()),
        capped ? FinishReason.LENGTH : FinishReason.STOP,
        d.count("cut-after").orElse(settings.cutAfterTokens()),
        d.seconds("retry-after").orElse(settings.retryAfter()),
        TokenCounter.instance().countPrompt(request),
        !d.has("no-usage"));
  }

  /** The whole answer text. */
  public String text() {
    return String.join("", pieces);
  }

  private static List<String> answer(
      SimulatedText text, ChatRequest request, Directives d, int count) {
    if (d.has("say")) {
      // The test wrote the answer itself; it wins over JSON mode, images and any tokens= length.
      return TokenCounter.instance().split(d.verbatimText());
    }
    if (request.jsonOutput()) {
      String json = SimulatedJson.answer(text, request, d.strippedText(), d.has("invalid-json"));
      return TokenCounter.instance().split(json);
    }
    List<ContentPart.Image> images = lastUserImages(request);
    if (!images.isEmpty()) {
      ContentPart.Image image = images.get(0);
      return text.describeImage(image.mediaType(), image.base64Data(), count);
    }
    return d.has("plain")
        ? text.plainAnswer(d.strippedText(), count)
        : text.answer(d.strippedText(), count);
  }

  private static List<ContentPart.Image> lastUserImages(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == Role.USER) {
        return messages.get(i).images();
      }
    }
    return List.of();
  }

  private static Optional<Fault> directedFault(Directives d) {
    if (d.has("rate-limit")) {
      return Optional.of(Fault.RATE_LIMITED);
    } else if (d.has("server-error")) {
      return Optional.of(Fault.SERVER_ERROR);
    } else if (d.has("overloaded")) {
      return Optional.of(Fault.OVERLOADED);
    } else if (d.has("malformed")) {
      return Optional.of(Fault.MALFORMED);
    } else if (d.has("cut-after")) {
      return Optional.of(Fault.CUT);
    } else if (d.has("slow-first-token")) {
      return Optional.of(Fault.SLOW_FIRST_TOKEN);
    }
    return Optional.empty();
  }

  /** One uniform draw per request, split into bands as wide as each fault's ratio. */
  static Fault drawFault(SimulatorSettings s, long ordinal) {
    double u = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + ordinal).nextDouble();
    double[] bands = {
      s.rateLimitRatio(),
      s.serverErrorRatio(),
      s.overloadedRatio(),
      s.cutRatio(),
      s.slowFirstTokenRatio(),
      s.malformedRatio()
    };
    Fault[] faults = {
      Fault.RATE_LIMITED,
      Fault.SERVER_ERROR,
      Fault.OVERLOADED,
      Fault.CUT,
      Fault.SLOW_FIRST_TOKEN,
      Fault.MALFORMED
    };
    double edge = 0;
    for (int i = 0; i < bands.length; i++) {
      edge += bands[i];
      if (u < edge) {
        return faults[i];
      }
    }
    return Fault.NONE;
  }
}
