/**
 * Helpers shared by tests of every package, unit and integration alike: {@link
 * dev.sluice.testing.Poll}, the one way a test waits for something to happen.
 */
package dev.sluice.testing;
