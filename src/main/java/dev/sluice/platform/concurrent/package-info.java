/**
 * The container's managed executors, exposed to features as the threads they may run short tasks
 * on.
 */
package dev.sluice.platform.concurrent;
