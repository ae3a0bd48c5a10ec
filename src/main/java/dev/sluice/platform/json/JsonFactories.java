package dev.sluice.platform.json;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParserFactory;
import java.util.Map;

/**
 * The JSON-P provider and its factories, looked up once for the whole application. {@code
 * Json.createObjectBuilder()}, {@code createReader} and the like search for the provider with the
 * service loader on every call, which showed as a few per cent of a busy server's CPU.
 */
public final class JsonFactories {

  /** The provider, for what the factories below do not make (writers, streaming readers). */
  public static final JsonProvider PROVIDER = JsonProvider.provider();

  /** Object and array builders. */
  public static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());

  /** Readers of whole JSON texts. */
  public static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());

  /** Streaming parsers. */
  public static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());

  private JsonFactories() {}
}
