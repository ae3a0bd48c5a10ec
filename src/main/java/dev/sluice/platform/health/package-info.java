/** MicroProfile Health checks for what every feature depends on: the JVM and the database. */
package dev.sluice.platform.health;
