package dev.sluice.platform.security;

/** The application's roles. */
public final class Roles {

  /** Any signed-in person: owns chats, documents and batches. */
  public static final String USER = "user";

  /** Operators: may read everything and steer the gate, queues and batches. */
  public static final String ADMIN = "admin";

  private Roles() {}
}
