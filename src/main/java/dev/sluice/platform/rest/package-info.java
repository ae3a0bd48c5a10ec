/**
 * The JAX-RS application: every resource lives under {@code /api} and is described in OpenAPI. JSON
 * request bodies are read strictly here ({@link dev.sluice.platform.rest.StrictJsonReader}): one
 * well-typed object or a 400 naming the field. And the HTTP guards in front of every path: unknown
 * methods and broken Host headers refused.
 */
package dev.sluice.platform.rest;
