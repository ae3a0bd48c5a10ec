/** Unit tests of the chat rules that need no database: validation, cursors and paging. */
package dev.sluice.chat;
