/** Unit tests of the queue console's logic, over fake browsers and messages. */
package dev.sluice.queues;
