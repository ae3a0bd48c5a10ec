/** Unit tests of the shared messaging pieces. */
package dev.sluice.platform.messaging;
