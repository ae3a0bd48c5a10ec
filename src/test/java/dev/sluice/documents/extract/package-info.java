/** Unit tests of type detection and text extraction, on files the tests make themselves. */
package dev.sluice.documents.extract;
