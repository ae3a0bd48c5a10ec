/**
 * Integration tests against the real WAR on a real Liberty (started once by Arquillian), always on
 * the simulated provider.
 */
package dev.sluice.it;
