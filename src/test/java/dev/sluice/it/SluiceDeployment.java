package dev.sluice.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive every integration test deploys: the WAR the build just packaged, under its real name
 * ({@code sluice.war}), so resource names that include the application name stay right.
 */
public final class SluiceDeployment {

  private SluiceDeployment() {}

  public static WebArchive war() {
    File war = new File(System.getProperty("sluice.war", "target/sluice.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("package the WAR first (mvn verify does): " + war);
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }
}
