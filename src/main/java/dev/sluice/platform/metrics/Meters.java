package dev.sluice.platform.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Where features report what they measure. Names are dotted ({@code sluice.chat.jobs}); the
 * implementation of the server the WAR runs on turns them into its exposition format. Calls are
 * cheap and never fail the caller.
 */
public interface Meters {

  /** Adds {@code amount} to a counter. */
  void count(String name, long amount, Label... labels);

  /** Records one duration in a timer (a histogram of seconds). */
  void time(String name, Duration duration, Label... labels);

  /**
   * A gauge read from {@code value} whenever metrics are collected; registering the same name and
   * labels again keeps the first one.
   */
  void gauge(String name, String description, Supplier<? extends Number> value, Label... labels);

  /** Forgets a gauge, for one that would otherwise outlive what it measures. */
  void removeGauge(String name, Label... labels);

  /**
   * The application is stopping: forgets every gauge it registered where the server's registry
   * outlives the deployment (WildFly's), so a redeployment registers its own instead of finding the
   * old one, which reads the stopped deployment's values (or NaN) for as long as the server runs.
   */
  default void close() {}
}
