/** Unit tests of the batch's pure parts: partition ranges, the limiter, request rules, progress. */
package dev.sluice.documents.batch;
