/**
 * The JAX-RS application: every resource lives under {@code /api} and is described in OpenAPI. JSON
 * request bodies are read strictly here ({@link dev.sluice.platform.rest.StrictJsonReader}): one
 * well-typed object or a 400 naming the field. Every list pages the same way: a {@link
 * dev.sluice.platform.rest.PageLimit} and an opaque keyset {@link
 * dev.sluice.platform.rest.PageCursor}. And the HTTP guards in front of every path: unknown methods
 * and broken Host headers refused.
 */
package dev.sluice.platform.rest;
