package dev.sluice.platform.rest;

import dev.sluice.platform.problem.Problem;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Mounts every REST resource under {@code /api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Sluice",
            version = "0.1.0",
            description =
                "Asynchronous LLM work on Jakarta EE: streamed chat jobs, document batches and one"
                    + " admission gate in front of every provider. Errors are RFC 9457"
                    + " application/problem+json.",
            license = @License(name = "Apache-2.0")),
    components =
        @Components(
            schemas =
                @Schema(
                    name = ProblemResponsesFilter.SCHEMA,
                    description = "RFC 9457 problem details; errors names each offending field",
                    implementation = Problem.class)))
public class RestApplication extends Application {}
