package dev.latchkey.keystore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;

/** Cheap, explicit KDF parameters and helpers for keystore tests. */
final class TestWallets {

    static final KdfParams SMALL = new KdfParams(8 * 1024, 1, 1);
    static final KdfParams SMALL_UPGRADED = new KdfParams(8 * 1024, 2, 1);
    static final KdfPolicy POLICY = new KdfPolicy(SMALL, SMALL, KdfParams.CEILING);
    static final String PASSWORD = "correct horse battery staple";

    private TestWallets() {
    }

    static Keystore create(Path dir) throws KeystoreException {
        return Keystore.create(dir.resolve("wallet.db"), PASSWORD.toCharArray(), SMALL, POLICY, Clock.systemUTC());
    }

    static Keystore open(Path dir) throws KeystoreException {
        return Keystore.open(dir.resolve("wallet.db"), POLICY, Clock.systemUTC());
    }

    static char[] pw() {
        return PASSWORD.toCharArray();
    }

    /** A raw side connection for tampering (the wallet must be closed). */
    static Connection raw(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("wallet.db"));
    }

    /** A clock tests can move. */
    static final class MutableClock implements InstantSource {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        Clock asClock() {
            return Clock.fixed(now, ZoneOffset.UTC);
        }
    }
}
