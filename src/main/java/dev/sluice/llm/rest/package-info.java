/** Read-only REST views of the provider layer: the model catalog and the configured providers. */
package dev.sluice.llm.rest;
