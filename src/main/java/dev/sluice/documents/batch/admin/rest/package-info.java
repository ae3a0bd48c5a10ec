/** {@code /api/admin/batches}: the console's REST view of every user's document batches. */
package dev.sluice.documents.batch.admin.rest;
