/** Tests of the generation records: the row made of a call, the buffer, totals, the live series. */
package dev.sluice.generations;
