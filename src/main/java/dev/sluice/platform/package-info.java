/** Cross-cutting glue shared by every feature: REST setup, errors, executors, health. */
package dev.sluice.platform;
