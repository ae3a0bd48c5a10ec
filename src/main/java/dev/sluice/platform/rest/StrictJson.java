package dev.sluice.platform.rest;

import dev.sluice.platform.json.JsonFactories;
import dev.sluice.platform.problem.ProblemException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads exactly one JSON value from a text, refusing what JSON-P readers let through: anything but
 * whitespace after the value, a member named twice in one object (readers keep the last one
 * silently) and nesting deeper than any request of this API needs. Each refusal is a 400 naming
 * where it is ({@code body}, or the member's path).
 */
public final class StrictJson {

  /** Deeper than any request body of this API; a bound keeps a hostile body off the stack. */
  static final int MAX_DEPTH = 32;

  private static final int SHOWN_KEY = 64;

  private StrictJson() {}

  /**
   * The one value in {@code text}, or null when it holds nothing but whitespace. {@code root} names
   * the whole text in errors and prefixes the members' paths: empty for a request body ("body",
   * "title"), {@code lines[3]} for a line of a bulk load ("lines[3].title").
   */
  public static JsonValue parse(String text, String root) {
    try {
      return parse(new StringReader(text), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same read from a stream; a failure of the stream itself is an {@link IOException}. */
  public static JsonValue parse(Reader text, String root) throws IOException {
    PushbackReader in = new PushbackReader(text);
    if (!skipWhitespace(in)) {
      return null;
    }
    try (JsonParser parser = JsonFactories.PARSERS.createParser(in)) {
      JsonValue value = new Tree(parser, root).value(parser.next(), root, 0);
      requireEnd(parser, root);
      return value;
    } catch (JsonParsingException e) {
      throw invalid(whole(root), "not valid JSON");
    } catch (NoSuchElementException e) {
      throw invalid(whole(root), "not valid JSON: it ends too early");
    } catch (jakarta.json.JsonException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof IOException io) {
          throw io;
        }
      }
      throw invalid(whole(root), "not valid JSON");
    }
  }

  /** The name of the whole document in errors. */
  public static String whole(String root) {
    return root.isEmpty() ? "body" : root;
  }

  /** The path of member {@code name} of the value at {@code path}. */
  public static String member(String path, String name) {
    String shown = name.length() <= SHOWN_KEY ? name : name.substring(0, SHOWN_KEY) + "...";
    return path.isEmpty() ? shown : path + "." + shown;
  }

  /** Why a string holding U+0000 is refused, here and in query parameters. */
  public static final String NO_NUL = "must not contain the NUL character (U+0000)";

  static ProblemException invalid(String field, String message) {
    return ProblemException.invalidField(400, field, message);
  }

  /** Builds the value from the parser's events, refusing duplicate members and deep nesting. */
  private record Tree(JsonParser parser, String root) {

    JsonValue value(JsonParser.Event event, String path, int depth) {
      return switch (event) {
        case START_OBJECT -> object(path, depth + 1);
        case START_ARRAY -> array(path, depth + 1);
        default -> scalar(path);
      };
    }

    private JsonValue scalar(String path) {
      try {
        JsonValue value = parser.getValue();
        if (value instanceof JsonString text && text.getString().indexOf('\0') >= 0) {
          // PostgreSQL stores no NUL in text, and no client means one: refused here, not a 500.
          throw invalid(whole(path), NO_NUL);
        }
        return value;
      } catch (NumberFormatException
          | ArithmeticException
          | IllegalStateException
          | UnsupportedOperationException e) {
        // Some parsers make a BigDecimal at once, and 1e9999999999 is beyond one; Parsson refuses
        // a number over 1,100 digits with the last two (found by fuzzing JsonLines).
        throw invalid(whole(path), "a number out of any range");
      }
    }

    private JsonValue object(String path, int depth) {
      requireDepth(depth);
      JsonObjectBuilder object = JsonFactories.BUILDERS.createObjectBuilder();
      Set<String> seen = new HashSet<>();
      for (var event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
        String name = parser.getString();
        String member = member(path, name);
        if (!seen.add(name)) {
          throw invalid(member, "given more than once");
        }
        object.add(name, value(parser.next(), member, depth));
      }
      return object.build();
    }

    private JsonValue array(String path, int depth) {
      requireDepth(depth);
      JsonArrayBuilder array = JsonFactories.BUILDERS.createArrayBuilder();
      int index = 0;
      for (var event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
        array.add(value(event, path + "[" + index++ + "]", depth));
      }
      return array.build();
    }

    private void requireDepth(int depth) {
      if (depth > MAX_DEPTH) {
        throw invalid(whole(root), "nested more than " + MAX_DEPTH + " levels deep");
      }
    }
  }

  /**
   * Parsers differ on content after the value: some report a next event, some fail; both are
   * refused. (Positions are not reported: parsers disagree on them, some by a character.)
   */
  private static void requireEnd(JsonParser parser, String root) {
    boolean more;
    try {
      more = parser.hasNext();
    } catch (JsonParsingException e) {
      more = true;
    }
    if (more) {
      throw invalid(whole(root), "unexpected content after the JSON value");
    }
  }

  /**
   * Skips leading whitespace, so that an empty body is told from a malformed one the same way by
   * every parser; false when the text ended first.
   */
  private static boolean skipWhitespace(PushbackReader in) throws IOException {
    int c = in.read();
    while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      c = in.read();
    }
    if (c < 0) {
      return false;
    }
    in.unread(c);
    return true;
  }
}
