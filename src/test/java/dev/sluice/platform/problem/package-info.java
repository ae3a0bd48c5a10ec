/** Unit tests of problem mapping that need no server. */
package dev.sluice.platform.problem;
