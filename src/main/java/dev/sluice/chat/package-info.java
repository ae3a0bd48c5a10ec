/**
 * Chats and their messages: the entities, the repository port with its JPA adapter, and the use
 * cases (create, list a caller's own with keyset paging, read, delete, ask, cancel) with their
 * ownership rules; and the chat jobs that write the answers, from the outbox to the queue, through
 * the runner, to how each answer ends, including those a stopped server left streaming.
 */
package dev.sluice.chat;
