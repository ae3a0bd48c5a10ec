/**
 * Integration tests against the real WAR on a real Liberty (started once by Arquillian), always on
 * simulated models: the in-process simulated provider, or the HTTP simulator that one class starts
 * in the test JVM and the server calls through its OpenAI adapter.
 */
package dev.sluice.it;
