/**
 * What every WebSocket endpoint shares: a bound on the sockets one user may hold open, the idle
 * timeout, closing with a reason, and logging a failed connection at the level it deserves.
 */
package dev.sluice.platform.socket;
