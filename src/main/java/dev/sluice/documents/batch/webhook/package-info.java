/**
 * The webhook a batch may name: called with a summary when the batch ends, retried on failure; and
 * the request-forgery guard that keeps it off loopback, private and other internal addresses unless
 * an operator allow-lists them.
 */
package dev.sluice.documents.batch.webhook;
