package dev.latchkey.aa.flow;

import dev.latchkey.aa.account.AccountSpec;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.submit.BundlerSubmitter;
import dev.latchkey.aa.submit.DirectSubmitter;
import dev.latchkey.aa.submit.UserOperationSubmitter;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetKeys;
import dev.latchkey.devnet.Funding;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/** Devnet wiring for the flow tests: addresses, senders, fresh owner/account, the USDC-transfer-only session. */
final class FlowFixture {

    static final BigInteger USDC = BigInteger.valueOf(1_000_000L);
    static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<PolicyKind, String> POLICY_NAMES = Map.of(PolicyKind.SUDO, "SudoPolicy",
            PolicyKind.UNIVERSAL_ACTION, "UniActionPolicy", PolicyKind.SPENDING_LIMITS, "ERC20SpendingLimitPolicy",
            PolicyKind.TIME_FRAME, "TimeFramePolicy", PolicyKind.USAGE_LIMIT, "UsageLimitPolicy",
            PolicyKind.VALUE_LIMIT, "ValueLimitPolicy", PolicyKind.PERIODIC_SPENDING_LIMIT, "PeriodicSpendingLimitPolicy",
            PolicyKind.RATE_LIMIT, "RateLimitPolicy", PolicyKind.GAS_COST_LIMIT, "GasCostLimitPolicy");

    private FlowFixture() { }

    static Address addr(Devnet d, String name) {
        return Address.parse(name, d.manifest().address(name));
    }

    static ChainAddresses addresses(Devnet d) {
        PolicyAddresses p = PolicyAddresses.canonical();
        for (var e : POLICY_NAMES.entrySet()) p = p.with(e.getKey(), addr(d, e.getValue()));
        return new ChainAddresses(d.manifest().chainId(), addr(d, "EntryPoint"), addr(d, "LatchkeyAccountFactory"),
                addr(d, "OwnableValidator"), addr(d, "SmartSession"), p);
    }

    static PolicyEngine engine(ChainAddresses a) {
        return new PolicyEngine(a.policies(), SoftLimits.NONE, SoftLimits.LocalHistory.EMPTY);
    }

    static DirectSubmitter directSubmitter(Devnet d) {
        return new DirectSubmitter(d.client(), d.keys().directSubmitter(), addr(d, "EntryPoint"), d.manifest().chainId());
    }

    static OperationSender direct(Devnet d) {
        return OperationSender.direct(d.client(), directSubmitter(d),
                Address.parse("from", DevnetKeys.addressOf(d.manifest().directSubmitterKey())), RECEIPT_TIMEOUT);
    }

    static OperationSender bundler(Devnet d, JsonRpcClient bundler) {
        return OperationSender.viaBundler(d.client(), bundler, addr(d, "EntryPoint"), RECEIPT_TIMEOUT);
    }

    /** A fresh owner and its (undeployed) account, funded with 1 ETH and {@code usdc} USDC. */
    record Wallet(ECKeyPair owner, AccountSpec spec) {
        static Wallet fresh() throws Exception {
            ECKeyPair owner = Keys.createEcKeyPair();
            byte[] salt = new byte[32];
            RANDOM.nextBytes(salt);
            return new Wallet(owner, AccountSpec.ecdsa(HexBytes.of(salt), List.of(address(owner)), 1));
        }

        SmartAccountClient on(Devnet d, long usdc) {
            SmartAccountClient account = new SmartAccountClient(d.client(), addresses(d), spec);
            d.faucet().fund(new Funding(account.address().hex(), BigDecimal.ONE, BigDecimal.valueOf(usdc), null, null));
            return account;
        }
    }

    static Address address(ECKeyPair key) {
        return Address.parse("key", "0x" + Keys.getAddress(key));
    }

    static Address randomAddress() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return Address.of(b);
    }

    /**
     * USDC transfers to {@code recipient} only (UniAction rule), at most {@code limit} in total (ERC20SpendingLimit);
     * at most {@code uses} operations until {@code validUntil} (userOp UsageLimit + TimeFrame). Session key: {@code key}.
     */
    static OnchainSession usdcSession(ChainAddresses a, Address usdc, Address recipient, ECKeyPair key, BigInteger limit,
                                      int uses, long validUntil) {
        Policy toRecipient = new Policy.UniversalAction(BigInteger.ZERO, List.of(new ParamRule(ParamCondition.EQUAL,
                BigInteger.ZERO, new BigInteger(1, recipient.bytes()), Optional.empty())));
        Action transfer = new Action(usdc, Transfers.TRANSFER, List.of(toRecipient,
                new Policy.SpendingLimits(List.of(new Policy.TokenLimit(usdc, limit)))));
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(address(key)), 1, a.ownableValidator()), List.of(transfer),
                List.of(new Policy.TimeFrame(validUntil, 0), new Policy.UsageLimit(BigInteger.valueOf(uses))),
                HexBytes.of(salt), List.of(a.chainId()), Optional.empty(), false);
        return SessionMapper.toOnchain(ws, a.policies());
    }

    static BigInteger balance(EvmClient client, Address token, Address owner) {
        return Abi.word(client.call(token.hex(), Abi.call("balanceOf(address)", new org.web3j.abi.datatypes.Address(owner.hex()))), 0);
    }

    /**
     * TEST-ONLY BYPASS of the PolicyEngine: builds, signs and hands the operation straight to {@code submitter}
     * (no engine check, no pre-send simulation), to prove the chain refuses what the engine refused.
     */
    static void sendBypassingPolicyEngine(SessionOperations sessions, UserOperationSubmitter submitter, PreparedSession s,
                                          ECKeyPair key, List<Execution> calls, Optional<EnableSession> enable) {
        UserOperation op = sessions.draft(s, 1, calls, enable);
        UserOperation signed = sessions.sign(op, s, List.of(key), enable);
        var hash = submitter.submit(signed);
        var receipt = submitter.awaitReceipt(hash, Duration.ofSeconds(5));
        if (!receipt.success()) throw new dev.latchkey.aa.submit.UserOperationException("included but the call failed: " + receipt);
    }

    static BundlerSubmitter bundlerSubmitter(Devnet d, JsonRpcClient bundler) {
        return new BundlerSubmitter(bundler, addr(d, "EntryPoint"));
    }
}
