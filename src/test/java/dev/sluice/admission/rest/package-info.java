/** Tests of the admission gate's REST layer that need no server: reading a lane change. */
package dev.sluice.admission.rest;
