package dev.sluice.platform.metrics;

/** One dimension of a metric, such as {@code lane="openai/gpt-4o"}. */
public record Label(String name, String value) {

  public static Label of(String name, String value) {
    return new Label(name, value);
  }
}
