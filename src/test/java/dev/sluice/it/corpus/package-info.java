/**
 * The bad-input corpus: requests generated from the server's own OpenAPI document (every operation
 * by every parameter and body field, with wrong types, empty, huge, unicode and injection values),
 * hand cases for what review found, and WebSocket frames, all sent to the real server to prove no
 * hostile input reaches a 5xx, a stack trace or a record.
 */
package dev.sluice.it.corpus;
