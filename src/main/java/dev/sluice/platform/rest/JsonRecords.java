package dev.sluice.platform.rest;

import dev.sluice.platform.problem.Problem.FieldError;
import dev.sluice.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds a JSON value to a record, component by component, taking each value only in the JSON type
 * its Java type stands for: a string for a String, an integral number in range for an int, an array
 * for a List, an object for a nested record. Every mismatch is named by its path ({@code
 * maxConcurrency}, {@code documentIds[2]}) in one 400. Absent members are null (zero for
 * primitives); members the record does not have are ignored, as JSON-B ignores them.
 */
public final class JsonRecords {

  private static final ClassValue<RecordShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return RecordShape.of(type);
        }
      };

  private JsonRecords() {}

  /** Whether every component of {@code type}, nested ones too, is of a type bound here. */
  public static boolean supports(Class<?> type) {
    return type.isRecord() && supports(type, new HashSet<>());
  }

  /** The record the JSON value stands for; a 400 naming every field of the wrong type. */
  public static <T> T bind(JsonValue value, Class<T> type, String root) {
    List<FieldError> errors = new ArrayList<>();
    Object bound = convert(value, type, root, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalidFields(errors);
    }
    return type.cast(bound);
  }

  private static boolean supports(Type type, Set<Class<?>> visiting) {
    Class<?> raw = JsonScalars.raw(type);
    if (JsonScalars.supports(raw)) {
      return true;
    }
    if (Collection.class.isAssignableFrom(raw) && raw.isAssignableFrom(ArrayList.class)) {
      return type instanceof ParameterizedType list
          && supports(list.getActualTypeArguments()[0], visiting);
    }
    if (!raw.isRecord() || !visiting.add(raw)) {
      return false;
    }
    for (Type component : SHAPES.get(raw).types()) {
      if (!supports(component, visiting)) {
        return false;
      }
    }
    visiting.remove(raw);
    return true;
  }

  /** The Java value, or null after adding to {@code errors} why there is none. */
  private static Object convert(JsonValue value, Type type, String path, List<FieldError> errors) {
    Class<?> raw = JsonScalars.raw(type);
    if (raw.isRecord()) {
      return value instanceof JsonObject object
          ? record(object, raw, path, errors)
          : error(errors, path, "must be a JSON object");
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return value instanceof JsonArray array
          ? list(array, ((ParameterizedType) type).getActualTypeArguments()[0], path, errors)
          : error(errors, path, "must be an array");
    }
    String wrong = JsonScalars.mismatch(value, raw);
    return wrong == null ? JsonScalars.of(value, raw) : error(errors, path, wrong);
  }

  private static Object record(
      JsonObject object, Class<?> type, String path, List<FieldError> errors) {
    RecordShape shape = SHAPES.get(type);
    Object[] args = new Object[shape.names().size()];
    for (int i = 0; i < args.length; i++) {
      Class<?> raw = JsonScalars.raw(shape.types().get(i));
      JsonValue member = object.get(shape.names().get(i));
      if (member == null || (isNull(member) && !raw.isPrimitive())) {
        args[i] = raw.isPrimitive() ? Array.get(Array.newInstance(raw, 1), 0) : null;
      } else {
        String at = StrictJson.member(path, shape.names().get(i));
        args[i] = convert(member, shape.types().get(i), at, errors);
      }
    }
    return errors.isEmpty() ? construct(shape, args) : null;
  }

  private static List<Object> list(
      JsonArray array, Type element, String path, List<FieldError> errors) {
    List<Object> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      items.add(convert(array.get(i), element, path + "[" + i + "]", errors));
    }
    return items;
  }

  private static Object construct(RecordShape shape, Object[] args) {
    try {
      return shape.constructor().newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException thrown) {
        throw thrown;
      }
      throw new IllegalStateException("constructing " + shape.constructor(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("constructing " + shape.constructor(), e);
    }
  }

  private static boolean isNull(JsonValue value) {
    return value.getValueType() == JsonValue.ValueType.NULL;
  }

  private static Object error(List<FieldError> errors, String path, String message) {
    errors.add(new FieldError(StrictJson.whole(path), message));
    return null;
  }
}
