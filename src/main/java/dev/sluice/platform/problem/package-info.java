/**
 * RFC 9457 problem details: every error a REST call returns is {@code application/problem+json}
 * naming what was wrong (and which field), never a stack trace.
 */
package dev.sluice.platform.problem;
