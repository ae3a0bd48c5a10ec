/**
 * The application database's schema: Flyway migrations, applied once when the application starts,
 * so every table the JPA entities map exists before the first request.
 */
package dev.sluice.platform.database;
