/**
 * The JAX-RS application: every resource lives under {@code /api} and is described in OpenAPI. JSON
 * request bodies are read strictly here ({@link dev.sluice.platform.rest.StrictJsonReader}): one
 * well-typed object or a 400 naming the field.
 */
package dev.sluice.platform.rest;
