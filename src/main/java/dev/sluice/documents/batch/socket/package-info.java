/**
 * {@code /ws/batches/{id}}: a batch's progress pushed as its chunks commit, and its final frame.
 */
package dev.sluice.documents.batch.socket;
