package dev.sluice.llm.config;

import dev.sluice.llm.Capability;
import dev.sluice.llm.ModelCatalog;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.Price;
import dev.sluice.platform.config.ConfigView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link ModelCatalog}: the shipped {@code META-INF/sluice/models.json}, then models
 * that providers list in {@code sluice.providers.<name>.models}, then field overrides {@code
 * sluice.model.<id>.<field>} (model ids may contain dots; the field is the last segment).
 */
public final class ModelCatalogReader {

  static final String SHIPPED = "META-INF/sluice/models.json";
  private static final String PREFIX = "sluice.model.";
  private static final List<String> FIELDS =
      List.of(
          "provider",
          "context-window",
          "max-output-tokens",
          "capabilities",
          "input-price",
          "output-price",
          "cached-input-price",
          "batch-input-price",
          "batch-output-price",
          "batch-cached-input-price");

  private final ConfigView config;

  public ModelCatalogReader(ConfigView config) {
    this.config = config;
  }

  public ModelCatalog read(List<String> providerNames) {
    Map<String, ModelInfo> models = new LinkedHashMap<>();
    shipped().forEach(m -> models.put(m.id(), m));
    for (String provider : providerNames) {
      for (String id : config.getList(ProviderSettingsReader.PREFIX + provider + ".models")) {
        models.putIfAbsent(id, servedDefaults(id, provider));
      }
    }
    for (String id : overriddenIds()) {
      ModelInfo base = models.getOrDefault(id, servedDefaults(id, "simulated"));
      models.put(id, override(base));
    }
    return new ModelCatalog(new ArrayList<>(models.values()));
  }

  static List<ModelInfo> shipped() {
    try (InputStream in = ModelCatalogReader.class.getClassLoader().getResourceAsStream(SHIPPED);
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject().getJsonArray("models").getValuesAs(JsonObject.class).stream()
          .map(ModelCatalogReader::fromJson)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SHIPPED, e);
    }
  }

  private static ModelInfo fromJson(JsonObject o) {
    JsonObject price = o.getJsonObject("price");
    Set<Capability> caps = EnumSet.noneOf(Capability.class);
    o.getJsonArray("capabilities").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(s -> Capability.valueOf(s.getString()))
        .forEach(caps::add);
    Price list = price(price);
    return new ModelInfo(
        o.getString("id"),
        o.getString("provider"),
        o.getInt("contextWindow"),
        o.getInt("maxOutputTokens"),
        caps,
        list,
        o.containsKey("batchPrice") ? price(o.getJsonObject("batchPrice")) : list.half());
  }

  private static Price price(JsonObject price) {
    return Price.of(
        price.getString("input"), price.getString("output"), price.getString("cachedInput"));
  }

  /** A model a provider serves that the catalog does not know: free, streaming, 8k context. */
  private static ModelInfo servedDefaults(String id, String provider) {
    return new ModelInfo(id, provider, 8192, 4096, Set.of(Capability.STREAMING), Price.FREE);
  }

  private List<String> overriddenIds() {
    return config.names().get().stream()
        .filter(k -> k.startsWith(PREFIX))
        .map(k -> k.substring(PREFIX.length()))
        .flatMap(
            rest -> FIELDS.stream().filter(f -> rest.endsWith("." + f)).map(f -> idOf(rest, f)))
        .distinct()
        .toList();
  }

  private static String idOf(String rest, String field) {
    return rest.substring(0, rest.length() - field.length() - 1);
  }

  private ModelInfo override(ModelInfo m) {
    String p = PREFIX + m.id() + ".";
    Price price = m.price();
    Price list =
        new Price(
            decimal(p + "input-price", price.inputPerMillion()),
            decimal(p + "output-price", price.outputPerMillion()),
            decimal(p + "cached-input-price", price.cachedInputPerMillion()));
    // A list price given without its batch price takes half of it, as the providers price batches.
    Price batch = m.batchPrice();
    Price half = list.half();
    return new ModelInfo(
        m.id(),
        config.get(p + "provider", m.provider()),
        config.getInt(p + "context-window", m.contextWindow()),
        config.getInt(p + "max-output-tokens", m.maxOutputTokens()),
        config
            .get(p + "capabilities")
            .map(ModelCatalogReader::capabilities)
            .orElse(m.capabilities()),
        list,
        new Price(
            batchDecimal(p, "input-price", half.inputPerMillion(), batch.inputPerMillion()),
            batchDecimal(p, "output-price", half.outputPerMillion(), batch.outputPerMillion()),
            batchDecimal(
                p,
                "cached-input-price",
                half.cachedInputPerMillion(),
                batch.cachedInputPerMillion())));
  }

  /** The batch rate: its own override, else half the list rate's override, else as it was. */
  private BigDecimal batchDecimal(
      String prefix, String field, BigDecimal halfOfList, BigDecimal unchanged) {
    BigDecimal fallback = config.get(prefix + field).isPresent() ? halfOfList : unchanged;
    return decimal(prefix + "batch-" + field, fallback);
  }

  private BigDecimal decimal(String key, BigDecimal fallback) {
    return config
        .get(key)
        .map(
            v -> {
              try {
                return new BigDecimal(v);
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": not a number: " + v, e);
              }
            })
        .orElse(fallback);
  }

  private static Set<Capability> capabilities(String list) {
    Set<Capability> caps = EnumSet.noneOf(Capability.class);
    for (String c : list.split("\\s*,\\s*")) {
      caps.add(Capability.valueOf(c.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
    }
    return caps;
  }
}
