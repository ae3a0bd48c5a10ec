/**
 * Documents: what users upload for analysis (text extracted on upload; images and audio kept as
 * they are), their ownership rules, and the analyses' results.
 */
package dev.sluice.documents;
