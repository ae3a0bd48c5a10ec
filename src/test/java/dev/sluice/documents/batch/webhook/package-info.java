/** Unit tests of the webhook's request-forgery guard: reserved addresses, allow-list, URL rules. */
package dev.sluice.documents.batch.webhook;
