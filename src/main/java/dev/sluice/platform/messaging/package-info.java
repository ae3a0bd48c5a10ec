/** What the JMS jobs of chats and documents share: the mapping of gate priorities to JMS ones. */
package dev.sluice.platform.messaging;
