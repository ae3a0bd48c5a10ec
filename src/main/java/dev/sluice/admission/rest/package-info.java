/**
 * REST views of the admission gate: every lane's live state and the providers' circuit breakers,
 * and the admin console's providers and lanes, whose limits admins change at run time.
 */
package dev.sluice.admission.rest;
