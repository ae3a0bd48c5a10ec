package dev.sluice.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the heap has room after garbage collection: when the heap is still above {@code
 * sluice.health.max-heap-ratio} of its maximum right after a collection, the server is unlikely to
 * recover by itself and a restart is the better outcome. Garbage not yet collected does not count.
 */
@Liveness
@ApplicationScoped
public class HeapHealthCheck implements HealthCheck {

  @Inject
  @ConfigProperty(name = "sluice.health.max-heap-ratio", defaultValue = "0.95")
  double maxRatio;

  @Override
  public HealthCheckResponse call() {
    long usedAfterGc = 0;
    long max = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && afterGc != null) {
        usedAfterGc += afterGc.getUsed();
        max += Math.max(pool.getUsage().getMax(), pool.getUsage().getCommitted());
      }
    }
    double ratio = max > 0 ? (double) usedAfterGc / max : 0;
    return HealthCheckResponse.named("heap")
        .status(ratio < maxRatio)
        .withData("usedAfterGcMiB", usedAfterGc >> 20)
        .withData("maxMiB", max >> 20)
        .build();
  }
}
