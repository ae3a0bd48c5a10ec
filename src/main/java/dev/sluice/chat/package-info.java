/**
 * Chats and their messages: the entities, the repository port with its JPA adapter, and the use
 * cases (create, list a caller's own with keyset paging, read, delete) with their ownership rules.
 */
package dev.sluice.chat;
