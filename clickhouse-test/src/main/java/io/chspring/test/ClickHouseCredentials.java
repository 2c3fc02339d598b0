package io.chspring.test;

import java.util.Objects;

/**
 * A ClickHouse user name and password for tests. {@link #toString()} masks the password so that it never
 * reaches a test report or a log line.
 *
 * @param user the user name, never empty
 * @param password the password, empty for a user without one
 */
public record ClickHouseCredentials(String user, String password) {

    /** Validates that the user is named and the password is not {@code null}. */
    public ClickHouseCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("ClickHouse user name must not be empty");
        }
    }

    /** Parses {@code user:password} (the password may be empty or contain colons). */
    public static ClickHouseCredentials parse(String userColonPassword) {
        int colon = userColonPassword.indexOf(':');
        if (colon < 0) {
            return new ClickHouseCredentials(userColonPassword, "");
        }
        return new ClickHouseCredentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "ClickHouseCredentials[user=" + user + ", password=" + (password.isEmpty() ? "<none>" : "******") + "]";
    }
}
