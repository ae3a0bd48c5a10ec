/** The JAX-RS application: every resource lives under {@code /api} and is described in OpenAPI. */
package dev.sluice.platform.rest;
