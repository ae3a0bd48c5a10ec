package dev.sluice.platform.rest;

import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A record as JSON sees it: its members' names (the component's, or its {@link JsonbProperty} as
 * JSON-B would use), their Java types, and the canonical constructor that makes one.
 */
record RecordShape(List<String> names, List<Type> types, Constructor<?> constructor) {

  static RecordShape of(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    List<String> names = new ArrayList<>(components.length);
    List<Type> types = new ArrayList<>(components.length);
    Class<?>[] raw = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      JsonbProperty renamed = components[i].getAccessor().getAnnotation(JsonbProperty.class);
      boolean named = renamed != null && !renamed.value().isEmpty();
      names.add(named ? renamed.value() : components[i].getName());
      types.add(components[i].getGenericType());
      raw[i] = components[i].getType();
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(raw);
      constructor.trySetAccessible();
      return new RecordShape(List.copyOf(names), List.copyOf(types), constructor);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record without its canonical constructor: " + type, e);
    }
  }
}
