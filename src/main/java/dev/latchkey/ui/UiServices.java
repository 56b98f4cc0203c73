package dev.latchkey.ui;

import dev.latchkey.session.model.HexBytes;
import dev.latchkey.ui.approve.ApprovalService;
import dev.latchkey.ui.automation.AutomationPort;
import dev.latchkey.ui.builder.SessionEnvironment;
import dev.latchkey.ui.builder.SessionKeys;
import dev.latchkey.ui.firstrun.DevnetStarter;
import dev.latchkey.ui.network.NetworkBook;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The ports the screens use, implemented by the app (and by tests): the devnet, the builder's environment, new
 * session keys, the owner's approval, fresh salts, the zone dates are shown in, the automations and the user's own
 * networks.
 */
public record UiServices(DevnetStarter devnet, SessionEnvironment environment, SessionKeys sessionKeys, ApprovalService approvals,
                         Supplier<HexBytes> salts, ZoneId zone, AutomationPort automations, NetworkBook networks) {

    /** Without own networks (Settings then offers only what is there): for tests and tools that do not add networks. */
    public UiServices(DevnetStarter devnet, SessionEnvironment environment, SessionKeys sessionKeys, ApprovalService approvals,
                      Supplier<HexBytes> salts, ZoneId zone, AutomationPort automations) {
        this(devnet, environment, sessionKeys, approvals, salts, zone, automations, NetworkBook.unavailable());
    }

    /** Without automations (their screen then says so): for tests and tools that do not show that screen. */
    public UiServices(DevnetStarter devnet, SessionEnvironment environment, SessionKeys sessionKeys, ApprovalService approvals,
                      Supplier<HexBytes> salts, ZoneId zone) {
        this(devnet, environment, sessionKeys, approvals, salts, zone, AutomationPort.unavailable());
    }

    public UiServices {
        Objects.requireNonNull(devnet);
        Objects.requireNonNull(environment);
        Objects.requireNonNull(sessionKeys);
        Objects.requireNonNull(approvals);
        Objects.requireNonNull(salts);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(automations);
        Objects.requireNonNull(networks);
    }

    /** A fresh random 32-byte salt per session (security.md R17). */
    public static Supplier<HexBytes> randomSalts() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] salt = new byte[32];
            random.nextBytes(salt);
            return HexBytes.of(salt);
        };
    }
}
