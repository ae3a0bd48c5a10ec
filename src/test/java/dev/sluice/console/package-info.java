/** Tests of the console's own logic: the cluster's lanes made of each node's. */
package dev.sluice.console;
