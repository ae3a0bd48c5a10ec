/** The console's overview API ({@code /api/admin/overview}); admins only (web.xml). */
package dev.sluice.console.rest;
