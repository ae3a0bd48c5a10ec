/**
 * {@code /api/chats}: chat CRUD over REST for the signed-in caller; errors are problem documents.
 */
package dev.sluice.chat.rest;
