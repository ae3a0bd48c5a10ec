/**
 * The JAX-RS application: every resource lives under {@code /api} and is described in OpenAPI; and
 * the HTTP guards in front of every path, such as the refusal of unknown methods.
 */
package dev.sluice.platform.rest;
