package dev.tandem.server.auth;

import java.time.Duration;
import java.util.Locale;

/**
 * The login throttling rule: a few failures are free, then each further failure locks the account
 * (or the client address) for twice as long as the one before, up to a ceiling; a quiet hour or a
 * successful login starts the count again. An address gets more free failures than an account,
 * because many people may log in from one office address.
 */
public record LoginThrottle(int accountFreeFailures, int addressFreeFailures, Duration firstLock, Duration longestLock,
        Duration forgetAfter) {

    /** Five failures per account, twenty per address; then 30 s, 1 min, 2 min … up to 15 min. */
    public static final LoginThrottle DEFAULT = new LoginThrottle(5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofHours(1));

    /** The counter key of an account (user names are unique across the server, compared case-insensitively here). */
    public static String accountKey(String username) {
        return "account:" + username.strip().toLowerCase(Locale.ROOT);
    }

    /** The counter key of a client address. */
    public static String addressKey(String address) {
        return "address:" + address;
    }

    /** How long the {@code failures}-th consecutive failure locks a key with {@code free} free failures (zero: not locked). */
    public Duration lockAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 20);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }
}
