package dev.latchkey.signer;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.BudgetEntry;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionSigner;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.SoftLimits;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.security.SecureRandom;

/**
 * A real keystore (temp SQLite file, cheap explicit KDF), real sessions and ledger, the real PolicyEngine; fakes only
 * for the chain side: a clock/nonce view, a gas-filling builder and a scriptable bundler.
 */
final class SignerFixture implements AutoCloseable {

    static final Address USDC = new Address("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");
    static final Address BOB = new Address("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    static final Address MALLORY = new Address("0x90f79bf6eb2c4f870365e785982e1f101e93b906");
    static final Address ACCOUNT = new Address("0x1111111111111111111111111111111111111111");
    static final Address SMART_SESSION = new Address("0x00000000008bdaba73cd9815d79069c247eb4bda");
    static final Selector TRANSFER = new Selector("0xa9059cbb");
    static final long CHAIN = 31337;
    static final BigInteger USDC_CAP = BigInteger.valueOf(1_000_000_000L); // 1000 USDC on chain and in the ledger
    static final KdfParams CHEAP = new KdfParams(8 * 1024, 1, 1);

    static final Address PERIODIC_POLICY = new Address("0x4000000000000000000000000000000000000001");
    static final Address DEADLINE_POLICY = new Address("0x4000000000000000000000000000000000000009");
    final PolicyAddresses addresses = PolicyAddresses.canonical().with(dev.latchkey.session.policy.PolicyKind.PERIODIC_SPENDING_LIMIT,
            PERIODIC_POLICY).with(dev.latchkey.session.policy.PolicyKind.OPERATION_DEADLINE, DEADLINE_POLICY);
    /** When set, sessions added next give each operation its own deadline (OperationDeadlinePolicy). */
    volatile boolean deadline;
    /** When set, sessions added next also carry this periodic allowance on their transfer action. */
    volatile Policy.PeriodicSpendingLimit periodic;
    final Path dir;
    final Keystore keystore;
    final FakeChain chain = new FakeChain();
    final FakeBundler bundler = new FakeBundler();
    final Map<String, OnchainSession> definitions = new ConcurrentHashMap<>();
    final FakePolicies policies = new FakePolicies();
    SoftLimits soft = SoftLimits.NONE;
    /** How often the signer asked the operation builder (which, live, may estimate gas over the network). */
    final AtomicInteger builds = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    SignerFixture(Path dir) throws Exception {
        this.dir = dir;
        this.keystore = Keystore.create(dir.resolve("wallet.db"), "pw".toCharArray(), CHEAP,
                new KdfPolicy(CHEAP, CHEAP, KdfParams.CEILING), Clock.systemUTC());
        keystore.sessions().addAccount(new Sessions.Account(ACCOUNT.hex(), BOB.hex(), "test"));
    }

    /** USDC transfers to BOB only, 1000 USDC on chain and in the ledger, 100 uses, [validAfter, validUntil]. */
    SessionRecord addSession(long validAfter, long validUntil, SessionStatus status) throws Exception {
        return addSession(USDC, validAfter, validUntil, status);
    }

    /** The same session shape for another token (another lane on the same account). */
    SessionRecord addSession(Address token, long validAfter, long validUntil, SessionStatus status) throws Exception {
        return addSession(token, BOB, validAfter, validUntil, status);
    }

    /** Transfers of {@code token} to {@code recipient} only. */
    SessionRecord addSession(Address token, Address recipient, long validAfter, long validUntil, SessionStatus status) throws Exception {
        SessionSigner key = keystore.keys().createSessionKey("session");
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        Policy toBob = new Policy.UniversalAction(BigInteger.ZERO, List.of(new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO,
                new BigInteger(1, recipient.bytes()), Optional.empty())));
        List<Policy> actionPolicies = new ArrayList<>(List.of(toBob,
                new Policy.SpendingLimits(List.of(new Policy.TokenLimit(token, USDC_CAP))), new Policy.UsageLimit(BigInteger.valueOf(100))));
        if (periodic != null) actionPolicies.add(periodic);
        Action transfer = new Action(token, TRANSFER, actionPolicies);
        WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(new Address(key.address().toLowerCase())), 1), List.of(transfer),
                deadline ? List.of(new Policy.TimeFrame(validUntil, validAfter), new Policy.OperationDeadline())
                        : List.of(new Policy.TimeFrame(validUntil, validAfter)), HexBytes.of(salt), List.of(CHAIN), Optional.empty(), true);
        OnchainSession onchain = SessionMapper.toOnchain(ws, addresses);
        byte[] pid = Ids.permissionId(onchain).bytes();
        SessionRecord rec = new SessionRecord(pid, ACCOUNT.hex(), key.address(), salt, new byte[] {1}, new byte[32], validAfter,
                validUntil, status, new byte[24], List.of(new SessionRecord.Chain(CHAIN, SMART_SESSION.hex(), 0)));
        keystore.sessions().add(rec);
        keystore.sessions().setBudget(pid, token.hex(), USDC_CAP, 100);
        definitions.put(Deps.hex(pid), onchain);
        return keystore.sessions().get(pid);
    }

    SessionRecord addSession() throws Exception {
        long now = chain.chainTime();
        return addSession(now - 60, now + 86_400, SessionStatus.ENABLED);
    }

    /** Operations in flight per account: 4 (public network) unless a test configures a private bundler. */
    int perAccount = SignerConfig.PUBLIC_MEMPOOL_PER_SENDER;

    SignerConfig config() {
        return new SignerConfig(addresses, soft, 4, 30, Duration.ofMillis(200), Duration.ofMillis(20), 200, perAccount);
    }

    SignerService service() {
        return new SignerService(keystore, s -> Optional.ofNullable(definitions.get(Deps.hex(s.permissionId()))),
                policies, (s, chainId, nonce, callData) -> {
                    builds.incrementAndGet();
                    return build(s, chainId, nonce, callData);
                }, chain, bundler, config());
    }

    static UserOperation build(SessionRecord s, long chainId, BigInteger nonce, HexBytes callData) {
        return UserOperation.of(new Address(s.account().toLowerCase()), nonce, callData)
                .withGas(BigInteger.valueOf(300_000), BigInteger.valueOf(500_000), BigInteger.valueOf(60_000),
                        BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(1_000_000_000L));
    }

    static HexBytes transfer(Address to, long amount) {
        return HexBytes.of(TRANSFER.bytes()).concat(HexBytes.of(new AbiWords().address(to).uint(amount).toBytes()));
    }

    byte[] newId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return id;
    }

    SignerIntent pay(Address to, long amount) {
        return SignerIntent.of(newId(), ACCOUNT, CHAIN, List.of(new Execution(USDC, BigInteger.ZERO, transfer(to, amount))));
    }

    BudgetEntry usdcLine(SessionRecord s) throws Exception {
        return keystore.sessions().budget(s.permissionId()).stream().filter(b -> b.token().equals(USDC.hex())).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        keystore.close();
    }

    /**
     * The fake chain's policy counters: what the ops the fake bundler accepted on a session's lane consumed (as the
     * fixture's session counts: ERC20SpendingLimit spent per token and the action's UsageLimit), plus {@code extra}.
     */
    final class FakePolicies implements PolicyStateSource {
        final Map<String, BigInteger> extraSpent = new ConcurrentHashMap<>();
        /** The periodic allowance's window as the chain reports it (used, start), for sessions with {@link #periodic}. */
        volatile dev.latchkey.session.engine.PolicyState.Window periodicWindow = dev.latchkey.session.engine.PolicyState.Window.NONE;

        /** When set, reading the counters fails with it (a node that is down). */
        volatile RuntimeException unreachable;

        @Override
        public dev.latchkey.session.engine.PolicyState stateOf(SessionRecord s, long chainId) {
            if (unreachable != null) throw unreachable;
            OnchainSession def = definitions.get(Deps.hex(s.permissionId()));
            Address token = def.actions().get(0).actionTarget();
            HexBytes cfg = Ids.configId(ACCOUNT, Ids.actionPolicyId(HexBytes.of(s.permissionId()), Ids.actionId(token, TRANSFER)));
            BigInteger key = NonceLane.of(s, SMART_SESSION).key();
            BigInteger spent = extraSpent.getOrDefault(Deps.hex(s.permissionId()), BigInteger.ZERO);
            long uses = 0;
            for (UserOperation op : bundler.accepted.values()) {
                if (!op.nonce().shiftRight(64).equals(key)) continue;
                spent = spent.add(Reservations.of(op.callData()).getOrDefault(token.hex(), BigInteger.ZERO));
                uses++;
            }
            return new InMemoryPolicyState()
                    .putSpending(addresses.addressOf("spending", dev.latchkey.session.policy.PolicyKind.SPENDING_LIMITS), cfg, token,
                            new dev.latchkey.session.engine.PolicyState.Spending(spent, BigInteger.ZERO))
                    .putUsage(addresses.addressOf("usage", dev.latchkey.session.policy.PolicyKind.USAGE_LIMIT), cfg, BigInteger.valueOf(uses))
                    .putPeriodic(PERIODIC_POLICY, cfg, token, periodicWindow);
        }
    }

    /** Block time = wall clock; getNonce = 0 unless set. */
    static final class FakeChain implements ChainView {
        volatile long offsetSeconds;
        final Map<BigInteger, Long> nonces = new ConcurrentHashMap<>();

        @Override public long chainId() { return CHAIN; }
        @Override public long chainTime() { return System.currentTimeMillis() / 1000 + offsetSeconds; }
        /** How far the real head is ahead of the cached one {@link #chainTime} serves. */
        volatile long freshAheadSeconds;
        final AtomicInteger freshReads = new AtomicInteger();
        @Override public long freshChainTime() {
            freshReads.incrementAndGet();
            return chainTime() + freshAheadSeconds;
        }
        @Override public BigInteger baseFee() { return BigInteger.ONE; }
        @Override public long nextSequence(Address sender, BigInteger key) { return nonces.getOrDefault(key, 0L); }
        @Override public Permission permission(Address smartSession, HexBytes pid, Address account) {
            permissionReads.incrementAndGet();
            return new Permission(enabled.contains(pid), enableNonce);
        }
        final java.util.Set<HexBytes> enabled = ConcurrentHashMap.newKeySet();
        volatile BigInteger enableNonce = BigInteger.ZERO;
        final AtomicInteger permissionReads = new AtomicInteger();
    }

    /**
     * A bundler that can be down (connection refused) or time out (the op may have arrived) for the next N sends.
     * Receipts are available right after an accepted send. Records every send.
     */
    static final class FakeBundler implements OperationSink {
        final AtomicInteger downFor = new AtomicInteger();
        final AtomicInteger timeoutsFor = new AtomicInteger();
        final AtomicInteger rejectFor = new AtomicInteger();
        volatile String rejectMessage = "AA25 invalid account nonce";
        volatile boolean blackhole;
        /** Operations sent by a process that died before recording the send: held, not mined until sent again. */
        final Set<HexBytes> heldFromEarlierSend = ConcurrentHashMap.newKeySet();
        final List<UserOperation> sends = Collections.synchronizedList(new ArrayList<>());
        /** The last operation offered to this bundler, whatever it answered. */
        volatile UserOperation lastOffered;
        final Map<HexBytes, UserOperation> accepted = new ConcurrentHashMap<>();
        final Map<BigInteger, HexBytes> byNonce = new HashMap<>();
        volatile long receiptDelayMillis;
        /** Receipts report the account's call reverted ({@code success=false}): included, nonce and gas spent, nothing done. */
        volatile boolean callsRevert;
        /** Called when an ENABLE-mode operation is accepted (the fake chain then reports the permission enabled). */
        volatile Runnable onEnable = () -> { };
        /** USE-mode operations sent while {@code useAllowed} said no (e.g. before the session was enabled). */
        final List<UserOperation> useTooEarly = Collections.synchronizedList(new ArrayList<>());
        volatile java.util.function.BooleanSupplier useAllowed = () -> true;

        @Override public Address entryPoint() { return UserOpHash.ENTRY_POINT_V07; }

        @Override
        public HexBytes send(UserOperation op) throws SendException {
            lastOffered = op;
            if (downFor.get() > 0 && downFor.getAndDecrement() > 0) {
                throw new SendException(SendException.Kind.UNREACHABLE, "connection refused", null);
            }
            if (rejectFor.get() > 0 && rejectFor.getAndDecrement() > 0) {
                throw new SendException(SendException.Kind.REJECTED, rejectMessage, null);
            }
            sends.add(op);
            HexBytes hash = UserOpHash.hash(op, entryPoint(), BigInteger.valueOf(CHAIN));
            if (heldFromEarlierSend.remove(hash)) {
                accepted.put(hash, op); // the earlier send gets mined
                throw new SendException(SendException.Kind.ALREADY_HELD, "Already known", null);
            }
            synchronized (byNonce) {
                HexBytes prior = byNonce.putIfAbsent(op.nonce(), hash);
                if (prior != null && !prior.equals(hash)) throw new AssertionError("nonce collision on " + op.nonce());
            }
            if (timeoutsFor.get() > 0 && timeoutsFor.getAndDecrement() > 0) {
                throw new SendException(SendException.Kind.AMBIGUOUS, "timed out", null);
            }
            if (op.signature().unsafeBytes()[0] == 1) onEnable.run();
            else if (!useAllowed.getAsBoolean()) useTooEarly.add(op);
            if (!blackhole) accepted.put(hash, op);
            return hash;
        }

        @Override
        public Optional<UserOperationReceipt> receipt(HexBytes hash, Duration timeout) {
            if (receiptDelayMillis > 0) Delivery.sleep(receiptDelayMillis);
            if (!accepted.containsKey(hash)) Delivery.sleep(Math.min(timeout.toMillis(), 20)); // a real poll waits
            return accepted.containsKey(hash)
                    ? Optional.of(new UserOperationReceipt(hash, !callsRevert, "0x" + hash.hex().substring(2, 10), BigInteger.TEN))
                    : Optional.empty();
        }
    }
}
