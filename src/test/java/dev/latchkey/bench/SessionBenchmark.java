package dev.latchkey.bench;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.aa.signature.SessionKeySignatures;
import dev.latchkey.aa.userop.OperationContexts;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SmartSessionSignatures;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.OperationContext;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * Session SDK hot paths (local work only): build + hash + sign one USE-mode operation, the PolicyEngine check,
 * and session-key signing next to a plain web3j {@code Sign.signMessage} baseline. See docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SessionBenchmark {

    static final Address USDC = new Address("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");
    static final Address BOB = new Address("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    static final Address ACCOUNT = new Address("0x1111111111111111111111111111111111111111");
    static final Address SMART_SESSION = new Address("0x00000000008bdaba73cd9815d79069c247eb4bda");
    static final Selector TRANSFER = new Selector("0xa9059cbb");

    ECKeyPair key;
    OnchainSession session;
    dev.latchkey.session.engine.PreparedSession prepared;
    HexBytes permissionId;
    PolicyEngine engine;
    OperationContext context;
    InMemoryPolicyState state;
    HexBytes hash;

    @Setup
    public void setup() {
        key = ECKeyPair.create(BigInteger.valueOf(0xC0FFEE).shiftLeft(200).add(BigInteger.valueOf(12345)));
        Policy toBob = new Policy.UniversalAction(BigInteger.ZERO, List.of(new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO,
                new BigInteger(1, BOB.bytes()), Optional.empty()), new ParamRule(ParamCondition.LESS_THAN_OR_EQUAL,
                BigInteger.valueOf(32), BigInteger.valueOf(1_000_000_000L), Optional.of(BigInteger.TEN.pow(12)))));
        WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(BOB), 1), List.of(new Action(USDC, TRANSFER, List.of(toBob,
                new Policy.SpendingLimits(List.of(new Policy.TokenLimit(USDC, BigInteger.TEN.pow(12)))), new Policy.UsageLimit(BigInteger.valueOf(100))))),
                List.of(new Policy.TimeFrame(2_000_000_000L, 1_000_000_000L), new Policy.ValueLimit(BigInteger.TEN.pow(18))),
                HexBytes.zeros(32), List.of(8453L), Optional.empty(), true);
        PolicyAddresses addresses = PolicyAddresses.canonical();
        session = SessionMapper.toOnchain(ws, addresses);
        permissionId = Ids.permissionId(session);
        engine = new PolicyEngine(addresses, SoftLimits.NONE, SoftLimits.LocalHistory.EMPTY);
        prepared = engine.prepare(session);
        state = new InMemoryPolicyState();
        context = OperationContexts.of(useModeOperation(), SMART_SESSION, 1_800_000_000L, BigInteger.TEN.pow(9));
        hash = UserOpHash.hash(useModeOperation(), UserOpHash.ENTRY_POINT_V07, BigInteger.valueOf(8453));
    }

    private static HexBytes transferData() {
        return HexBytes.of(TRANSFER.bytes()).concat(new AbiWords().address(BOB).uint(250_000_000L).toHexBytes());
    }

    /** Build callData + nonce + operation, hash it (v0.7), sign with the session key, wrap in USE mode. */
    @Benchmark
    public UserOperation useModeOperation() {
        HexBytes callData = Erc7579Execute.encode(List.of(new Execution(USDC, BigInteger.ZERO, transferData())));
        BigInteger nonce = NonceKeys.nonce(NonceKeys.keyFor(AccountKind.LATCHKEY, SMART_SESSION), BigInteger.valueOf(7));
        UserOperation op = UserOperation.of(ACCOUNT, nonce, callData).withGas(BigInteger.valueOf(120_000), BigInteger.valueOf(250_000),
                BigInteger.valueOf(60_000), BigInteger.valueOf(3_000_000_000L), BigInteger.valueOf(1_000_000_000L));
        if (key == null) return op;
        HexBytes h = UserOpHash.hash(op, UserOpHash.ENTRY_POINT_V07, BigInteger.valueOf(8453));
        HexBytes sig = SessionKeySignatures.sign(key, h, SessionKeySignatures.Form.PERSONAL_SIGN);
        return op.withSignature(SmartSessionSignatures.use(permissionId, sig));
    }

    /** The check of one prepared (decoded once) session against a single-transfer operation. */
    @Benchmark
    public Decision policyEngineCheck() {
        return engine.check(prepared, context, state);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    @BenchmarkMode(Mode.Throughput)
    public HexBytes sessionKeySignRaw() {
        return SessionKeySignatures.sign(key, hash, SessionKeySignatures.Form.RAW);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    @BenchmarkMode(Mode.Throughput)
    public Sign.SignatureData web3jSignMessageBaseline() {
        return Sign.signMessage(hash.unsafeBytes(), key, false);
    }
}
