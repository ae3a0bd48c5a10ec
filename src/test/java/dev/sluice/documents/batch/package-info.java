/**
 * Unit tests of the batch's pure parts: partition ranges, the limiter, the analysis step chunks and
 * upload runs share, request rules, progress, item checks; and the in-memory store the batch tests
 * out of the container run on.
 */
package dev.sluice.documents.batch;
