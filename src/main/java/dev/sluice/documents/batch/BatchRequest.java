package dev.sluice.documents.batch;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/batches}: which documents, which analyses, and how. */
@Schema(name = "NewBatch")
public record BatchRequest(
    @Schema(description = "The documents to analyse; or give a filter instead")
        List<String> documentIds,
    @Schema(description = "Instead of documentIds: the caller's documents matching this filter")
        DocumentFilter filter,
    @Schema(description = "summary, key_points, sentiment, describe_image, transcribe, custom")
        List<String> analyses,
    @Schema(description = "A model id from /api/models; the default model when absent")
        String model,
    @Schema(description = "urgent, high, normal, low or batch (default)") String priority,
    @Schema(description = "Most provider calls in flight for this batch") Integer maxConcurrency,
    @Schema(description = "Partitions the documents are split into") Integer partitions,
    @Schema(description = "The instruction of the custom analysis", maxLength = 5000)
        String customInstruction,
    @Schema(description = "Called with a summary when the batch ends") String webhookUrl,
    @Schema(
            description =
                "interactive (default): every call through the gate at the list price; provider:"
                    + " through the provider's batch API at its batch price, answered within"
                    + " 24 hours (models with the batch capability)",
            enumeration = {"interactive", "provider"})
        String mode) {

  /** A selection of the caller's documents. */
  @Schema(name = "DocumentFilter")
  public record DocumentFilter(
      @Schema(description = "Media type prefix, e.g. text/ or application/pdf") String contentType,
      @Schema(description = "Part of the title, any case") String title) {}
}
