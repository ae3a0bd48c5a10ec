/**
 * REST views of the admission gate: every lane's live state, and the providers' circuit breakers.
 */
package dev.sluice.admission.rest;
