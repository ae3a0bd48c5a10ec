/** The signed-in caller as the API shows it ({@code /api/me}), for the pages' header. */
package dev.sluice.platform.security.rest;
