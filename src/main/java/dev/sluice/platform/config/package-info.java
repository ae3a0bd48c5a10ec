/**
 * Reading configuration shared by every layer: {@link dev.sluice.platform.config.ConfigView} over
 * MicroProfile Config (or a plain map in tests) and the value formats, so one key format means one
 * thing.
 */
package dev.sluice.platform.config;
