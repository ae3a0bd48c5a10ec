package dev.sluice.llm;

import java.util.Objects;

/**
 * Audio to turn into text.
 *
 * @param model the catalog id of a transcription model
 * @param audio the audio file's bytes
 * @param fileName a file name whose extension tells the format (for example {@code memo.mp3})
 * @param mediaType for example {@code audio/mpeg}
 * @param language an ISO-639-1 hint, or null
 */
public record TranscriptionRequest(
    String model, byte[] audio, String fileName, String mediaType, String language) {

  public TranscriptionRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(mediaType, "mediaType");
  }

  @Override
  public String toString() {
    return "TranscriptionRequest[" + model + ", " + fileName + ", " + audio.length + " bytes]";
  }
}
