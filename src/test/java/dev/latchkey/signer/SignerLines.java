package dev.latchkey.signer;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real signer writing its activity rows into a real keystore, for tests of what reads them (the Activity screen):
 * those tests never write a signer line themselves. Only the chain side is faked ({@link SignerFixture}).
 */
public final class SignerLines implements AutoCloseable {

    private final SignerFixture f;
    private final SessionRecord session;
    private SignerService following;

    private SignerLines(SignerFixture f, SessionRecord session) {
        this.f = f;
        this.session = session;
    }

    /** A wallet with one ENABLED session that may send USDC to one recipient. */
    public static SignerLines open(Path dir) throws Exception {
        SignerFixture f = new SignerFixture(dir);
        return new SignerLines(f, f.addSession());
    }

    public Keystore keystore() {
        return f.keystore;
    }

    public byte[] permissionId() {
        return session.permissionId();
    }

    public String account() {
        return SignerFixture.ACCOUNT.hex();
    }

    /** A transfer the session allows; {@code reverted}: included, but the account's call reverted. */
    public Outcome.Included included(byte[] intentId, boolean reverted) throws Exception {
        f.bundler.callsRevert = reverted;
        try {
            return (Outcome.Included) run(intent(intentId, true));
        } finally {
            f.bundler.callsRevert = false;
        }
    }

    /** A transfer to a recipient the session does not allow: refused by the policy check, nothing reserved. */
    public Outcome.Refused refused(byte[] intentId) throws Exception {
        return (Outcome.Refused) run(intent(intentId, false));
    }

    /**
     * The bundler rejects the operation once and then never mines it: "not confirmed yet", the row held open while
     * the signer keeps following it (until {@link #close}; stopping the signer would end the row as failed).
     */
    public Outcome.Unconfirmed unconfirmed(byte[] intentId) throws Exception {
        f.bundler.rejectFor.set(1);
        f.bundler.rejectMessage = "AA23 reverted (or OOG)";
        f.bundler.blackhole = true;
        following = f.service();
        following.start();
        return (Outcome.Unconfirmed) following.submit(intent(intentId, true)).get(30, TimeUnit.SECONDS);
    }

    /** The chain's counters disagree with the ledger: the signer takes the chain's and says so. */
    public void mismatch() throws Exception {
        f.policies.extraSpent.put(Deps.hex(session.permissionId()), BigInteger.valueOf(1_000_000L));
        try (SignerService signer = f.service()) {
            signer.start();
            signer.reconcile(session.permissionId()).get(10, TimeUnit.SECONDS);
        }
    }

    /** Reconciliation cannot read the chain: the signer's failure is about the session. */
    public void reconciliationFails() throws Exception {
        f.policies.unreachable = new IllegalStateException("node down");
        try (SignerService signer = f.service()) {
            signer.start();
            signer.reconcile(session.permissionId()).get(10, TimeUnit.SECONDS);
        } finally {
            f.policies.unreachable = null;
        }
    }

    /** The wallet was restored from a backup: the signer reconciles from the chain at start and says so once. */
    public void restored() throws Exception {
        f.keystore.settings().put(dev.latchkey.keystore.Settings.BACKUP_MARKER, "2026-01-01T00:00:00Z");
        try (SignerService signer = f.service()) {
            signer.start();
        }
    }

    private SignerIntent intent(byte[] id, boolean allowed) {
        return SignerIntent.of(id, SignerFixture.ACCOUNT, SignerFixture.CHAIN, List.of(new Execution(SignerFixture.USDC, BigInteger.ZERO,
                SignerFixture.transfer(allowed ? SignerFixture.BOB : SignerFixture.MALLORY, 1_000_000L))));
    }

    private Outcome run(SignerIntent intent) throws Exception {
        try (SignerService signer = f.service()) {
            signer.start();
            return signer.submit(intent).get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        if (following != null) following.close();
        f.close();
    }
}
