package dev.sluice.llm.rest;

import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A configured provider as the API shows it: whether a key is set, never the key; its base URL only
 * to admins, and even then without user info or query, where credentials may hide.
 */
@Schema(
    name = "Provider",
    description = "A configured provider; the API key itself is never shown.")
public record ProviderView(
    String name,
    ProviderType type,
    @Schema(
            description =
                "scheme, host, port and path of the API, never credentials; shown to admins only")
        String baseUrl,
    boolean keyConfigured,
    boolean keyRequired,
    boolean usable,
    int models) {

  static ProviderView of(ProviderSettings s, int models, boolean showBaseUrl) {
    return new ProviderView(
        s.name(),
        s.type(),
        showBaseUrl ? Urls.withoutCredentials(s.baseUrl()) : null,
        s.hasKey(),
        s.keyRequired(),
        s.usable(),
        models);
  }
}
