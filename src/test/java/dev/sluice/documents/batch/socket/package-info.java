/** Tests of the batch progress socket's pacing and ordering, without a container. */
package dev.sluice.documents.batch.socket;
