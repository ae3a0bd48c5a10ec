package dev.sluice.llm.anthropic;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.llm.http.HandlerFuzzing;

/**
 * Fuzzes {@link AnthropicStreamHandler} with whole response bodies cut into pieces, through the
 * real decoder and parser; seeds are the recorded Messages transcripts.
 */
class AnthropicStreamHandlerFuzzTest {

  @DictionaryFile(resourcePath = "/dev/sluice/fuzz/json.dict")
  @FuzzTest(maxDuration = "15s")
  void anyBodyEndsTheStreamOnceAndKeepsItsText(FuzzedDataProvider data) {
    HandlerFuzzing.check(AnthropicStreamHandler::new, data);
  }
}
