/**
 * The admission gate inside the server: lanes, retries, breakers and fallbacks read from
 * MicroProfile Config ({@code sluice.admission.*}), the CDI bean every provider call goes through,
 * its metrics, and transcription guarded by MicroProfile Fault Tolerance.
 */
package dev.sluice.admission.service;
