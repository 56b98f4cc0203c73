package dev.latchkey.aa.flow;

import dev.latchkey.aa.userop.WindowClaims;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.signature.MockSignatures;
import dev.latchkey.aa.signature.SessionKeySignatures;
import dev.latchkey.aa.userop.OperationContexts;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.Abi;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SmartSessionSignatures;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.engine.Refusal;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.hash.SessionDigests;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.SmartSessionMode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.ECKeyPair;

/**
 * Session-key operations of one account on one chain: build (nonce key = SmartSession, stub signature for gas),
 * check with the {@link PolicyEngine} against live policy state, sign with the session key, send. USE mode when
 * the permission is enabled on chain; ENABLE mode (carrying the owner's approval) otherwise.
 */
public final class SessionOperations {

    private final SmartAccountClient account;
    private final OperationSender sender;
    private final PolicyEngine engine;

    public SessionOperations(SmartAccountClient account, OperationSender sender, PolicyEngine engine) {
        this.account = account;
        this.sender = sender;
        this.engine = engine;
    }

    /** Decodes {@code session} once for the engine; reuse it for every operation of that session. */
    public PreparedSession prepare(OnchainSession session) {
        return engine.prepare(session);
    }

    public SmartAccountClient account() {
        return account;
    }

    public OperationSender sender() {
        return sender;
    }

    /**
     * Checks and, if allowed, sends {@code calls} under {@code session}: ENABLE mode with {@code approval} when the
     * permission is not enabled yet, USE mode after. Refused operations are neither signed nor sent.
     */
    public Outcome send(PreparedSession session, List<ECKeyPair> sessionKeys, List<Execution> calls, Optional<EnableSession> approval) {
        Optional<EnableSession> enable = isEnabled(session.permissionId()) ? Optional.empty() : approval;
        UserOperation draft = draft(session, sessionKeys.size(), calls, enable);
        Decision d = check(session, draft, enable);
        if (d instanceof Decision.Refused r) return new Outcome.Refused(r.reason());
        return new Outcome.Included(sender.send(sign(sender.estimate(draft), session, sessionKeys, enable)));
    }

    /** {@link #draft} with gas estimated (through the bundler). Not checked. */
    public UserOperation build(PreparedSession session, int signers, List<Execution> calls, Optional<EnableSession> enable) {
        return sender.estimate(draft(session, signers, calls, enable));
    }

    /**
     * An unsigned (stub-signed) operation with nonce, initCode when undeployed, fees and direct mode's fixed gas
     * limits (an upper bound, so GasCostLimit checks on the draft are conservative). Not checked.
     */
    public UserOperation draft(PreparedSession session, int signers, List<Execution> calls, Optional<EnableSession> enable) {
        if (calls.isEmpty()) throw new FieldException("calls", "at least one call");
        BigInteger key = account.encoding().sessionNonceKey(account.chain().smartSession());
        // The windowed policies count the window the op claims (docs/policies.md §2): the time check() assumes.
        HexBytes callData = WindowClaims.stamp(session, account.chain().smartSession(), account.encoding().execute(calls),
                account.client().latestTimestamp() + 1);
        UserOperation op = account.withInitCodeIfNeeded(UserOperation.of(account.address(), account.nonce(key), callData));
        HexBytes mock = MockSignatures.repeat(MockSignatures.OWNABLE_MOCK, signers);
        HexBytes stub = enable.isPresent()
                ? SmartSessionSignatures.enable(SmartSessionMode.ENABLE, enable.get(), mock)
                : SmartSessionSignatures.use(session.permissionId(), mock);
        return sender.withFixedGasAndFees(op.withSignature(stub));
    }

    /**
     * The engine's verdict with live policy state. In USE mode ({@code enable} empty) the permission must be enabled
     * on chain; in ENABLE mode the approval must still be valid (SmartSession's nonce unchanged since the owners
     * signed) and the policies start fresh (enabling re-initialises them), so their state reads as unused.
     */
    public Decision check(PreparedSession session, UserOperation op, Optional<EnableSession> enable) {
        boolean enabling = enable.isPresent();
        if (!enabling && !isEnabled(session.permissionId())) {
            return refuse("permissionEnabled", "session " + session.permissionId().hex() + " is not enabled for "
                    + account.address() + " on chain " + account.chain().chainId() + " (revoked, or never enabled): have the owner approve it again");
        }
        if (enabling && !approvalIsCurrent(session, enable.get())) {
            return refuse("approval", "the owners' approval of session " + session.permissionId().hex() + " does not match chain "
                    + account.chain().chainId() + " at SmartSession nonce " + enableNonce(session.permissionId())
                    + " (revoked, already used, or made for another chain/account): have the owner approve it again");
        }
        long now = account.client().latestTimestamp() + 1;
        var ctx = OperationContexts.of(op, account.chain().smartSession(), now, account.client().baseFee());
        var state = enabling ? new InMemoryPolicyState()
                : new ChainPolicyState(account.client(), account.chain().smartSession(), account.address());
        return engine.check(session, ctx, state);
    }

    private boolean approvalIsCurrent(PreparedSession session, EnableSession e) {
        var cd = e.hashesAndChainIds().get(e.chainDigestIndex());
        if (cd.chainId() != account.chain().chainId()) return false;
        if (!Ids.permissionId(e.sessionToEnable()).equals(session.permissionId())) return false;
        HexBytes expected = SessionDigests.sessionDigest(e.sessionToEnable(), account.address(),
                account.chain().smartSession(), SmartSessionMode.ENABLE, enableNonce(session.permissionId()));
        return expected.equals(cd.sessionDigest());
    }

    /** {@code SmartSession.getNonce(pid, account)}: the nonce the next ENABLE digest must use. */
    public BigInteger enableNonce(HexBytes permissionId) {
        return Abi.word(account.client().call(account.chain().smartSession().hex(), Abi.call("getNonce(bytes32,address)",
                new Bytes32(permissionId.bytes()),
                new org.web3j.abi.datatypes.Address(account.address().hex()))), 0);
    }

    private static Decision refuse(String rule, String message) {
        return new Decision.Refused(new Refusal(OptionalInt.empty(), Refusal.Scope.OPERATION, Optional.empty(), Optional.empty(),
                rule, Optional.empty(), Optional.empty(), message));
    }

    /** Signs {@code op} with the session keys (raw ECDSA over the userOpHash) in USE or ENABLE mode. */
    public UserOperation sign(UserOperation op, PreparedSession session, List<ECKeyPair> sessionKeys, Optional<EnableSession> enable) {
        HexBytes hash = UserOpHash.hash(op, account.chain().entryPoint(), BigInteger.valueOf(account.chain().chainId()));
        HexBytes sig = SessionKeySignatures.signAll(sessionKeys, hash, SessionKeySignatures.Form.RAW);
        return op.withSignature(enable.isPresent()
                ? SmartSessionSignatures.enable(SmartSessionMode.ENABLE, enable.get(), sig)
                : SmartSessionSignatures.use(session.permissionId(), sig));
    }

    /** {@code SmartSession.isPermissionEnabled(pid, account)}; false while the account is not deployed. */
    public boolean isEnabled(HexBytes permissionId) {
        if (!account.isDeployed()) return false;
        String r = account.client().call(account.chain().smartSession().hex(), Abi.call("isPermissionEnabled(bytes32,address)",
                new Bytes32(permissionId.bytes()),
                new org.web3j.abi.datatypes.Address(account.address().hex())));
        return Abi.word(r, 0).signum() != 0;
    }
}
