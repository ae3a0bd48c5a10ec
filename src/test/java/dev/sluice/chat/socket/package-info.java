/** The chat socket's hub, outbox and replay logic against fake sessions. */
package dev.sluice.chat.socket;
