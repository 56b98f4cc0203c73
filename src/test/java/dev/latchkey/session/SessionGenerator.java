package dev.latchkey.session;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.Erc7739Context;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.model.SmartSessionMode;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.Signing;
import dev.latchkey.session.wallet.WalletSession;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Random sessions, chains, signatures and user operations for the differential tests. */
public final class SessionGenerator {

    public record ChainNonce(long chainId, BigInteger nonce) { }

    public record Case(WalletSession session, PolicyAddresses addresses, Address account, Address smartSession,
            List<ChainNonce> chains, SmartSessionMode mode, int enableIndex, AccountKind kind, Address ownerValidator,
            HexBytes ownerSignature, HexBytes sessionSignature, UserOperation userOp, Address entryPoint, BigInteger userOpChainId) { }

    private final Random r;
    private final PolicyAddresses addresses;

    public SessionGenerator(long seed) {
        this.r = new Random(seed);
        this.addresses = PolicyAddresses.canonical()
                .with(PolicyKind.PERIODIC_SPENDING_LIMIT, address())
                .with(PolicyKind.RATE_LIMIT, address())
                .with(PolicyKind.GAS_COST_LIMIT, address())
                .with(PolicyKind.OPERATION_DEADLINE, address());
    }

    public PolicyAddresses addresses() {
        return addresses;
    }

    public Case next(int index) {
        int n = 1 + r.nextInt(5);
        List<Address> owners = new ArrayList<>();
        while (owners.size() < n) {
            Address a = address();
            if (!owners.contains(a)) owners.add(a);
        }
        Owners.Ecdsa ecdsa = new Owners.Ecdsa(owners, 1 + r.nextInt(n));
        List<Action> actions = new ArrayList<>();
        int na = r.nextInt(5);
        for (int i = 0; i < na; i++) {
            actions.add(new Action(address(), Selector.of(bytes(4)), policies(r.nextInt(4), index + i, false)));
        }
        if (na == 0 || r.nextInt(4) == 0) actions.add(Action.anyCall());
        if (r.nextInt(6) == 0) actions.add(new Action(ActionData.FALLBACK_TARGET, Selector.FALLBACK_SMART_SESSION, List.of(new Policy.Sudo())));
        Optional<Signing> signing = r.nextInt(3) == 0 ? Optional.of(new Signing(
                List.of(new Erc7739Context(HexBytes.of(bytes(32)), List.of("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)", "Mail" + r.nextInt(99)))),
                List.of(new Policy.Sudo()))) : Optional.empty();
        int nc = 1 + r.nextInt(3);
        List<ChainNonce> chains = new ArrayList<>();
        long[] known = {1, 10, 137, 8453, 42161, 11155111, 31337};
        for (int i = 0; i < nc; i++) {
            long id = r.nextBoolean() ? known[r.nextInt(known.length)] + i * 1000L : 1 + (r.nextLong() >>> 2);
            chains.add(new ChainNonce(id, r.nextInt(3) == 0 ? new BigInteger(64, r) : BigInteger.valueOf(r.nextInt(5))));
        }
        WalletSession ws = new WalletSession(ecdsa, actions, policies(r.nextInt(3), index, true), HexBytes.of(r.nextBoolean() ? new byte[32] : bytes(32)),
                chains.stream().map(ChainNonce::chainId).toList(), signing, r.nextInt(4) != 0);
        AccountKind kind = AccountKind.values()[r.nextInt(AccountKind.values().length)];
        SmartSessionMode mode = r.nextBoolean() ? SmartSessionMode.ENABLE : SmartSessionMode.UNSAFE_ENABLE;
        return new Case(ws, addresses, address(), r.nextInt(3) == 0 ? address() : new Address("0x00000000008bdaba73cd9815d79069c247eb4bda"),
                chains, mode, r.nextInt(nc), kind, Owners.OWNABLE_VALIDATOR, HexBytes.of(bytes(65 * (1 + r.nextInt(2)))),
                HexBytes.of(bytes(65 * ecdsa.threshold())), userOp(kind), new Address("0x0000000071727de22e5e9d8baf0edac6f37da032"),
                BigInteger.valueOf(1 + r.nextInt(100000)));
    }

    /** Policies; {@code salt} rotates through every kind so each corpus of >= 10 cases covers all. */
    private List<Policy> policies(int count, int salt, boolean userOp) {
        List<Policy> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(policy((salt + i * 7 + r.nextInt(3)) % 10, userOp));
        }
        return out;
    }

    private Policy policy(int which, boolean userOp) {
        if (userOp) {
            return switch (which % 7) {
                case 0 -> new Policy.Sudo();
                case 1 -> timeFrame();
                case 2 -> new Policy.UsageLimit(new BigInteger(1 + r.nextInt(128), r).add(BigInteger.ONE).min(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)));
                case 3 -> new Policy.ValueLimit(new BigInteger(1 + r.nextInt(255), r).add(BigInteger.ONE));
                case 4 -> new Policy.RateLimit(1 + (r.nextLong() & 0xffffffffL) % 0xfffffffeL, 1 + (r.nextLong() & 0xfffffffffffeL));
                case 5 -> new Policy.GasCostLimit(new BigInteger(1 + r.nextInt(200), r).add(BigInteger.ONE));
                default -> new Policy.OperationDeadline();
            };
        }
        return switch (which) {
            case 0 -> new Policy.Sudo();
            case 1, 2 -> uniAction();
            case 3 -> new Policy.SpendingLimits(tokenLimits(1 + r.nextInt(3)));
            case 4 -> timeFrame();
            case 5 -> new Policy.UsageLimit(BigInteger.valueOf(1 + r.nextInt(1000)));
            case 6 -> new Policy.ValueLimit(new BigInteger(1 + r.nextInt(100), r).add(BigInteger.ONE));
            case 7 -> new Policy.PeriodicSpendingLimit(tokenLimits(r.nextInt(3)), 1 + r.nextInt(1_000_000));
            case 8 -> new Policy.RateLimit(1 + r.nextInt(100), 1 + r.nextInt(86400));
            default -> new Policy.Custom(address(), HexBytes.of(bytes(r.nextInt(70))));
        };
    }

    private Policy uniAction() {
        List<ParamRule> rules = new ArrayList<>();
        int n = 1 + r.nextInt(16);
        for (int i = 0; i < n; i++) {
            BigInteger offset = r.nextInt(5) == 0 ? new BigInteger(64, r) : BigInteger.valueOf(32L * r.nextInt(8));
            BigInteger ref = switch (r.nextInt(3)) {
                case 0 -> new BigInteger(1, address().bytes());
                case 1 -> BigInteger.valueOf(r.nextInt(1_000_000));
                default -> new BigInteger(256, r);
            };
            rules.add(new ParamRule(ParamCondition.values()[r.nextInt(7)], offset, ref,
                    r.nextBoolean() ? Optional.of(new BigInteger(1 + r.nextInt(255), r)) : Optional.empty()));
        }
        return new Policy.UniversalAction(r.nextBoolean() ? BigInteger.ZERO : new BigInteger(1 + r.nextInt(255), r), rules);
    }

    private Policy timeFrame() {
        long after = r.nextInt(4) == 0 ? 0 : 1_600_000_000L + r.nextInt(200_000_000);
        long until = r.nextInt(4) == 0 ? 0 : after + 1 + r.nextInt(100_000_000);
        if (until == 0 && after == 0) after = 1;
        return new Policy.TimeFrame(until, after);
    }

    private List<Policy.TokenLimit> tokenLimits(int n) {
        List<Policy.TokenLimit> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new Policy.TokenLimit(address(), new BigInteger(1 + r.nextInt(255), r).add(BigInteger.ONE)));
        return out;
    }

    private UserOperation userOp(AccountKind kind) {
        List<Execution> calls = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) calls.add(new Execution(address(), r.nextBoolean() ? BigInteger.ZERO : new BigInteger(80, r), HexBytes.of(bytes(r.nextInt(100)))));
        BigInteger nonce = NonceKeys.nonce(NonceKeys.keyFor(kind, new Address("0x00000000008bdaba73cd9815d79069c247eb4bda")), BigInteger.valueOf(r.nextInt(1000)));
        UserOperation op = UserOperation.of(address(), nonce, Erc7579Execute.encode(calls))
                .withGas(gas(), gas(), r.nextBoolean() ? new BigInteger(256, r) : gas(), gas(), gas())
                .withSignature(HexBytes.of(bytes(r.nextInt(200))));
        if (r.nextBoolean()) op = op.withFactory(address(), HexBytes.of(bytes(r.nextInt(120))));
        if (r.nextBoolean()) op = op.withPaymaster(address(), gas(), gas(), HexBytes.of(bytes(r.nextInt(80))));
        return op;
    }

    private BigInteger gas() {
        return r.nextInt(5) == 0 ? BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE) : BigInteger.valueOf(r.nextInt(5_000_000));
    }

    public Address address() {
        return Address.of(bytes(20));
    }

    public byte[] bytes(int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
