package dev.sluice.llm.batch;

import dev.sluice.llm.ProviderSettings;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.time.Clock;

/** What both batch clients hold: the provider's settings, its limits and the shared HTTP. */
abstract class HttpBatchApi implements ProviderBatchApi {

  protected final ProviderSettings settings;
  protected final BatchHttp http;
  private final BatchLimits limits;

  HttpBatchApi(ProviderSettings settings, HttpClient client, BatchLimits limits) {
    this.settings = settings;
    this.limits = limits;
    this.http = new BatchHttp(settings, client, Clock.systemUTC());
  }

  @Override
  public BatchLimits limits() {
    return limits;
  }

  @Override
  public BatchResult result(String line) {
    return http.read(line, this::result);
  }

  /** One line of the provider's results, as JSON. */
  abstract BatchResult result(JsonObject line);
}
