package dev.sluice.llm.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a fuzz input into the pieces network reads would deliver. The piece lengths come from the
 * end of the input, so a recorded transcript followed by one zero byte is a seed that replays the
 * transcript whole, and the fuzzer finds the cuts by mutating the tail.
 */
public final class FuzzPieces {

  private FuzzPieces() {}

  /** Up to eight piece lengths; consume them before the body. */
  public static int[] lengths(FuzzedDataProvider data) {
    int[] lengths = new int[data.consumeInt(0, 8)];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = data.consumeInt(0, 64);
    }
    return lengths;
  }

  /** The bytes cut at the given lengths, in order; whatever is left over is the last piece. */
  public static List<byte[]> cut(byte[] bytes, int[] lengths) {
    List<byte[]> pieces = new ArrayList<>();
    int at = 0;
    for (int length : lengths) {
      int end = Math.min(bytes.length, at + length);
      pieces.add(Arrays.copyOfRange(bytes, at, end));
      at = end;
    }
    pieces.add(Arrays.copyOfRange(bytes, at, bytes.length));
    return pieces;
  }

  /** The text cut at the given lengths in chars (a surrogate pair may be cut, as on the wire). */
  public static List<String> cut(String text, int[] lengths) {
    List<String> pieces = new ArrayList<>();
    int at = 0;
    for (int length : lengths) {
      int end = Math.min(text.length(), at + length);
      pieces.add(text.substring(at, end));
      at = end;
    }
    pieces.add(text.substring(at));
    return pieces;
  }
}
