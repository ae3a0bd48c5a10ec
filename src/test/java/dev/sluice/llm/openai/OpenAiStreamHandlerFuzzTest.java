package dev.sluice.llm.openai;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.llm.http.HandlerFuzzing;

/**
 * Fuzzes {@link OpenAiStreamHandler} with whole response bodies cut into pieces, through the real
 * decoder and parser; seeds are the recorded Chat Completions transcripts.
 */
class OpenAiStreamHandlerFuzzTest {

  @DictionaryFile(resourcePath = "/dev/sluice/fuzz/json.dict")
  @FuzzTest(maxDuration = "15s")
  void anyBodyEndsTheStreamOnceAndKeepsItsText(FuzzedDataProvider data) {
    HandlerFuzzing.check(OpenAiStreamHandler::new, data);
  }
}
