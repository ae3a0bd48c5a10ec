/**
 * Who is calling: sign-in through the container's Jakarta Security (users and roles {@code user}
 * and {@code admin} from configuration), and the caller's identity for ownership checks.
 */
package dev.sluice.platform.security;
