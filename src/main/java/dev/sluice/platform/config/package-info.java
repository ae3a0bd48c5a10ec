/** Parsing of configuration values shared by every feature, so one key format means one thing. */
package dev.sluice.platform.config;
