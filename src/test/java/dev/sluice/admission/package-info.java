/**
 * Tests of the admission gate on manual time: retry schedules, circuit-breaker transitions, and
 * gated calls against a fake lane and a scripted provider layer.
 */
package dev.sluice.admission;
