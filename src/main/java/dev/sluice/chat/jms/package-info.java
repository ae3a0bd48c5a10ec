/**
 * The chat job queue on JMS: the sending adapter, the JMS priority of each chat priority, and the
 * message-driven bean that hands each delivered job to the runner.
 */
package dev.sluice.chat.jms;
