package dev.sluice.platform.rest;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Reads every JSON request body bound to a record, in place of the runtime's JSON-B reader, which
 * accepts trailing garbage, an array where an object belongs and a number for a string: here the
 * body is one JSON object ({@link StrictJson}) whose members each have their field's JSON type
 * ({@link JsonRecords}), or a 400 naming what is wrong. An empty body is null, as before, so the
 * resource still says which field is required.
 *
 * <p>An application's provider wins over the runtime's own for the same media type (Jakarta REST,
 * "Entity Providers"), and {@code Record} is nearer to the bound types than JSON-B's {@code
 * Object}; so it is picked on Liberty and on RESTEasy alike, with no server-specific setting.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class StrictJsonReader implements MessageBodyReader<Record> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return JsonRecords.supports(type);
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    Charset charset = charset(mediaType);
    // Bytes that are not text in the charset are refused, not replaced with U+FFFD and stored.
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    JsonValue value;
    try {
      value = StrictJson.parse(new InputStreamReader(entityStream, decoder), "");
    } catch (CharacterCodingException e) {
      throw ProblemException.invalidField(400, "body", "not valid " + charset.name() + " text");
    }
    return value == null ? null : JsonRecords.bind(value, type, "");
  }

  /** The body's charset: JSON is UTF-8 unless the caller says otherwise (RFC 8259). */
  static Charset charset(MediaType mediaType) {
    String name = mediaType == null ? null : mediaType.getParameters().get("charset");
    if (name == null || name.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new ProblemException(
          Problem.of(
              415,
              "Unsupported Media Type",
              "the charset of the body is not one this server knows; send UTF-8"));
    }
  }
}
