package dev.sluice.platform.security;

import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * Makes the start-up password of a user who has none configured: 24 characters from a {@link
 * SecureRandom}, about 138 bits, without look-alike characters so it can be typed from the password
 * file ({@link PasswordFile}).
 */
public final class RandomPasswords implements Supplier<String> {

  static final int LENGTH = 24;

  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final SecureRandom random = new SecureRandom();

  @Override
  public String get() {
    StringBuilder password = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
