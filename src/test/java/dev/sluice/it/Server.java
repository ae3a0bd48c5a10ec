package dev.sluice.it;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;

/**
 * The server the black-box tests talk to, and where it keeps what lies outside the application. The
 * build says which ({@code sluice.it.server}: {@code liberty}, or {@code wildfly} under {@code
 * -Pwildfly}); the tests ask here rather than assume Liberty's addresses.
 *
 * <ul>
 *   <li>Health: Liberty answers {@code /health} on the HTTP port; WildFly on its management
 *       interface.
 *   <li>Metrics: Liberty's MicroProfile Metrics at {@code /metrics?scope=application}; WildFly's
 *       Micrometer registry at the management interface's {@code /metrics}, every meter in one
 *       scrape.
 * </ul>
 */
public enum Server {
  LIBERTY,
  WILDFLY;

  public static Server current() {
    return "wildfly".equalsIgnoreCase(System.getProperty("sluice.it.server", "liberty"))
        ? WILDFLY
        : LIBERTY;
  }

  public boolean isWildFly() {
    return this == WILDFLY;
  }

  /** A client for MicroProfile Health ({@code /health}, {@code /health/ready}, ...). */
  public Http health(URL base) {
    return new Http(healthBase(base)).root();
  }

  /** Sluice's own meters, in Prometheus text. */
  public String applicationMetrics(URL base) {
    return this == WILDFLY
        ? management().get("/metrics").body()
        : new Http(base).root().get("/metrics?scope=application").body();
  }

  /** Every meter the server publishes (its own, the JVM's and Sluice's), in Prometheus text. */
  public String allMetrics(URL base) {
    return scrape(base).body();
  }

  /** The answer to a scrape of every meter. */
  public HttpResponse<String> scrape(URL base) {
    return this == WILDFLY ? management().get("/metrics") : new Http(base).root().get("/metrics");
  }

  /** Where MicroProfile Health answers: the HTTP port, or WildFly's management interface. */
  public URL healthBase(URL base) {
    return this == WILDFLY ? managementUrl() : base;
  }

  private static Http management() {
    return new Http(managementUrl());
  }

  private static URL managementUrl() {
    String port = System.getProperty("sluice.it.management-port", "9990");
    try {
      return URI.create("http://127.0.0.1:" + port + "/").toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
