/**
 * The console's generations and costs API ({@code /api/admin/generations}, {@code
 * /api/admin/costs}); admins only (web.xml).
 */
package dev.sluice.generations.rest;
