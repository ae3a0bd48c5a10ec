/**
 * Sluice's metrics port: features count, time and gauge through {@link
 * dev.sluice.platform.metrics.Meters}, never through a metrics API. Open Liberty publishes them
 * with MicroProfile Metrics; WildFly, which has no MicroProfile Metrics runtime since its version
 * 30, through its Micrometer subsystem. The names are the same on both, and so is the Prometheus
 * text: {@code sluice.chat.jobs} is {@code sluice_chat_jobs_total}.
 */
package dev.sluice.platform.metrics;
