/**
 * The one way into the provider layer for the rest of Sluice: resolves the model's provider, prices
 * every call from the catalog and records metrics. The admission gate sits in front of it.
 */
package dev.sluice.llm.client;
