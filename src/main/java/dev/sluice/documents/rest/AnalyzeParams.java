package dev.sluice.documents.rest;

import dev.sluice.documents.jobs.DocumentJobs;
import dev.sluice.documents.jobs.UploadAnalyses;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters with which an upload asks for analyses right away. */
public class AnalyzeParams {

  @Parameter(
      description =
          "Analyses to run at once as a document job, comma-separated: summary, key_points,"
              + " sentiment, describe_image, transcribe, custom")
  @QueryParam("analyze")
  String analyze;

  @Parameter(description = "The model for the analyses (default: the default model)")
  @QueryParam("model")
  String model;

  @Parameter(description = "Gate priority: urgent, high, normal (default), low or batch")
  @QueryParam("priority")
  String priority;

  @Parameter(description = "The instruction of the custom analysis (required with custom)")
  @QueryParam("instruction")
  String instruction;

  /** The analyses asked for (null: none); a 400 naming the parameter when one is wrong. */
  UploadAnalyses check(DocumentJobs jobs) {
    return jobs.check(analyze, model, priority, instruction);
  }
}
