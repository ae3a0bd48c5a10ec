package dev.sluice.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every JSON request body of the API goes through the strict reader: each resource method that
 * consumes {@code application/json} takes its body as a record {@link StrictJsonReader} reads, or
 * as text that its own code reads with {@link StrictJson}. A new resource that binds a body JSON-B
 * would read leniently fails here.
 */
class JsonRequestBodiesTest {

  /** Bodies taken as text, each read by code of its own that parses with {@link StrictJson}. */
  private static final Set<String> READ_AS_TEXT =
      Set.of("dev.sluice.admission.rest.AdminLanesResource.change");

  @Test
  void everyJsonBodyIsARecordTheStrictReaderReads() throws Exception {
    List<String> bodies = new ArrayList<>();
    for (Method method : jsonMethods()) {
      Parameter body = entity(method);
      String name = method.getDeclaringClass().getName() + "." + method.getName();
      assertThat(body).as(name + " takes no body").isNotNull();
      if (body.getType() == String.class) {
        assertThat(READ_AS_TEXT).as(name + " reads its JSON itself").contains(name);
        continue;
      }
      assertThat(JsonRecords.supports(body.getType()))
          .as(name + " binds " + body.getType().getName() + ", which the strict reader must read")
          .isTrue();
      assertThat(
              new StrictJsonReader()
                  .isReadable(
                      body.getType(),
                      body.getParameterizedType(),
                      null,
                      MediaType.APPLICATION_JSON_TYPE))
          .isTrue();
      bodies.add(body.getType().getSimpleName());
    }
    assertThat(bodies)
        .as("the request bodies found; a resource that was missed would not be listed")
        .contains("NewChat", "NewMessage", "NewDocument", "BatchRequest");
  }

  private static List<Method> jsonMethods() throws IOException, URISyntaxException {
    List<Method> methods = new ArrayList<>();
    for (Class<?> type : resources()) {
      for (Method method : type.getDeclaredMethods()) {
        boolean writes =
            method.isAnnotationPresent(POST.class)
                || method.isAnnotationPresent(PUT.class)
                || method.isAnnotationPresent(PATCH.class);
        if (writes && consumesJson(method) && entity(method) != null) {
          methods.add(method);
        }
      }
    }
    return methods;
  }

  private static boolean consumesJson(Method method) {
    Consumes consumes = method.getAnnotation(Consumes.class);
    if (consumes == null) {
      consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
    }
    // No @Consumes at all means any type, JSON included.
    return consumes == null
        || Arrays.stream(consumes.value())
            .anyMatch(
                type ->
                    type.startsWith(MediaType.APPLICATION_JSON) || type.equals(MediaType.WILDCARD));
  }

  /** The parameter the body is bound to: the one without a JAX-RS annotation. */
  private static Parameter entity(Method method) {
    for (Parameter parameter : method.getParameters()) {
      boolean injected =
          Arrays.stream(parameter.getAnnotations())
              .map(Annotation::annotationType)
              .map(Class::getPackageName)
              .anyMatch(p -> p.equals("jakarta.ws.rs") || p.equals("jakarta.ws.rs.core"));
      if (!injected) {
        return parameter;
      }
    }
    return null;
  }

  private static Set<Class<?>> resources() throws IOException, URISyntaxException {
    java.nio.file.Path classes =
        java.nio.file.Path.of(
            StrictJsonReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<Class<?>> resources = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
        Class<?> type = load(name);
        if (type != null && type.isAnnotationPresent(Path.class)) {
          resources.add(type);
        }
      }
    }
    assertThat(resources).as("resources under " + classes).hasSizeGreaterThan(5);
    return resources;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, JsonRequestBodiesTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
