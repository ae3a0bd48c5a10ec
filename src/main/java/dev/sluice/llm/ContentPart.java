package dev.sluice.llm;

import java.util.Objects;

/** One part of a message: text, or an image sent inline as base64 data. */
public sealed interface ContentPart {

  /** Plain text. */
  record Text(String text) implements ContentPart {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * An image, inline. {@code mediaType} is for example {@code image/png}; {@code base64Data} is the
   * encoded bytes without a {@code data:} prefix.
   */
  record Image(String mediaType, String base64Data) implements ContentPart {
    public Image {
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(base64Data, "base64Data");
    }

    /** Approximate size of the decoded image in bytes. */
    public long approximateBytes() {
      return base64Data.length() * 3L / 4;
    }

    @Override
    public String toString() {
      // Never dump megabytes of base64 into a log line.
      return "Image[" + mediaType + ", ~" + approximateBytes() + " bytes]";
    }
  }
}
