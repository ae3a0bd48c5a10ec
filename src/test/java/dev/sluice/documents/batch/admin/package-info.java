/** Unit tests of the console's batch paging, filters and job log reading. */
package dev.sluice.documents.batch.admin;
