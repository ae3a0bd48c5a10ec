/**
 * JSON-P shared by every layer: {@link dev.sluice.platform.json.JsonFactories}, the provider and
 * its factories looked up once.
 */
package dev.sluice.platform.json;
