/** Helpers for work that runs on the container's managed executors, such as unwrapping futures. */
package dev.sluice.platform.concurrent;
