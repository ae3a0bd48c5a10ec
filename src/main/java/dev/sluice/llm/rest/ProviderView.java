package dev.sluice.llm.rest;

import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A configured provider as the API shows it: whether a key is set, never the key. */
@Schema(
    name = "Provider",
    description = "A configured provider; the API key itself is never shown.")
public record ProviderView(
    String name,
    ProviderType type,
    @Schema(description = "scheme, host and path of the API; never credentials") String baseUrl,
    boolean keyConfigured,
    boolean keyRequired,
    boolean usable,
    int models) {

  static ProviderView of(ProviderSettings s, int models) {
    return new ProviderView(
        s.name(),
        s.type(),
        Urls.withoutCredentials(s.baseUrl()),
        s.hasKey(),
        s.keyRequired(),
        s.usable(),
        models);
  }
}
