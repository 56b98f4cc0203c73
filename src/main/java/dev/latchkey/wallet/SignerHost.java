package dev.latchkey.wallet;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.signer.Outcome;
import dev.latchkey.signer.PolicyStateSource;
import dev.latchkey.signer.SessionDefinitions;
import dev.latchkey.signer.SignerService;
import dev.latchkey.signer.onchain.OnchainPorts;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The background signer running for one network: its live ports and the started {@link SignerService} (which resumed
 * every open journal row). What the app keeps while unlocked, what {@code signer run} keeps until interrupted, and what
 * one {@code trade} command starts and stops. Close it to stop the signer; open rows stay in the journal.
 */
public final class SignerHost implements AutoCloseable {

    private final OnchainPorts ports;
    private final SignerService signer;
    private final List<CompletableFuture<Outcome>> resumed;

    private SignerHost(OnchainPorts ports, SignerService signer, List<CompletableFuture<Outcome>> resumed) {
        this.ports = ports;
        this.signer = signer;
        this.resumed = resumed;
    }

    public static SignerHost start(Keystore keystore, ChainConnection chain, SoftLimits softLimits) throws KeystoreException {
        return start(keystore, chain, () -> softLimits);
    }

    /** A signer that asks {@code softLimits} at every check (e.g. {@link SoftLimitSettings#live}). */
    public static SignerHost start(Keystore keystore, ChainConnection chain, java.util.function.Supplier<SoftLimits> softLimits)
            throws KeystoreException {
        OnchainPorts ports = chain.signerPorts();
        try {
            SignerService signer = ports.signer(keystore, softLimits);
            return new SignerHost(ports, signer, signer.start());
        } catch (KeystoreException | RuntimeException e) {
            ports.close();
            throw e;
        }
    }

    public SignerService signer() {
        return signer;
    }

    public SessionDefinitions definitions() {
        return ports.definitions();
    }

    /** The live on-chain policy counters the signer checks against (also what automations pre-check with). */
    public PolicyStateSource policyState() {
        return ports.policyState();
    }

    /** Outcomes of the journal rows that were open at start (resumed: resent or followed to inclusion). */
    public List<CompletableFuture<Outcome>> resumed() {
        return resumed;
    }

    @Override
    public void close() {
        try {
            signer.stop();
        } finally {
            ports.close();
        }
    }
}
