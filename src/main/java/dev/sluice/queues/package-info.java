/**
 * The job queues as an operator sees them: how many jobs wait on each (by JMS priority), which
 * failed every delivery, and moving such a job back to its queue, runnable again, or dropping it.
 * Only portable JMS (browsers, selectors), so the same WAR runs on any Jakarta EE server.
 */
package dev.sluice.queues;
