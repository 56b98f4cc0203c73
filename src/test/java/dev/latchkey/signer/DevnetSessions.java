package dev.latchkey.signer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.account.AccountSpec;
import dev.latchkey.aa.flow.ChainAddresses;
import dev.latchkey.aa.flow.ChainPolicyState;
import dev.latchkey.aa.flow.EnableFlow;
import dev.latchkey.aa.flow.SmartAccountClient;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetKeys;
import dev.latchkey.devnet.Funding;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionSigner;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.Selector;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * The product set-up on the devnet for signer tests: an account deployed by its factory without sessions (no owner
 * signature), and USDC-transfer sessions the owner approves once, stored in the keystore as the wallet stores them.
 */
final class DevnetSessions {

    static final Selector TRANSFER = new Selector("0xa9059cbb");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<PolicyKind, String> POLICY_NAMES = Map.of(PolicyKind.SUDO, "SudoPolicy",
            PolicyKind.UNIVERSAL_ACTION, "UniActionPolicy", PolicyKind.SPENDING_LIMITS, "ERC20SpendingLimitPolicy",
            PolicyKind.TIME_FRAME, "TimeFramePolicy", PolicyKind.USAGE_LIMIT, "UsageLimitPolicy",
            PolicyKind.VALUE_LIMIT, "ValueLimitPolicy", PolicyKind.PERIODIC_SPENDING_LIMIT, "PeriodicSpendingLimitPolicy",
            PolicyKind.RATE_LIMIT, "RateLimitPolicy", PolicyKind.GAS_COST_LIMIT, "GasCostLimitPolicy");

    private DevnetSessions() { }

    static Address addr(Manifest m, String name) {
        return new Address(m.address(name).toLowerCase());
    }

    static ChainAddresses addresses(Manifest m) {
        PolicyAddresses p = PolicyAddresses.canonical();
        for (var e : POLICY_NAMES.entrySet()) p = p.with(e.getKey(), addr(m, e.getValue()));
        return new ChainAddresses(m.chainId(), addr(m, "EntryPoint"), addr(m, "LatchkeyAccountFactory"), addr(m, "OwnableValidator"),
                addr(m, "SmartSession"), p);
    }

    static Address randomAddress() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return Address.of(b);
    }

    /** A deployed account and its owner key (the owner signs only the approvals). */
    record Account(SmartAccountClient client, ECKeyPair owner) {
        Address address() {
            return client.address();
        }
    }

    /** Fresh owner; the account funded with 1 ETH and {@code usdc} USDC and deployed by a plain factory call. */
    static Account deployedAccount(Devnet devnet, Keystore keystore, long usdc) throws Exception {
        ECKeyPair owner = Keys.createEcKeyPair();
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        ChainAddresses chain = addresses(devnet.manifest());
        SmartAccountClient account = new SmartAccountClient(devnet.client(), chain,
                AccountSpec.ecdsa(HexBytes.of(salt), List.of(new Address("0x" + Keys.getAddress(owner))), 1));
        devnet.faucet().fund(new Funding(account.address().hex(), BigDecimal.ONE, BigDecimal.valueOf(usdc), null, null));
        EvmClient client = devnet.client();
        assertThat(client.waitForReceipt(client.sendFromUnlocked(DevnetKeys.ANVIL_ACCOUNT_0, chain.factory().hex(), BigInteger.ZERO,
                account.factoryData().hex(), BigInteger.valueOf(2_000_000))).success()).isTrue();
        keystore.sessions().addAccount(new Sessions.Account(account.address().hex(), "0x" + Keys.getAddress(owner), "devnet"));
        return new Account(account, owner);
    }

    /** A stored, owner-approved session (PENDING_ENABLE) and its definition. */
    record Approved(SessionRecord record, OnchainSession onchain, HexBytes pid, Address recipient) { }

    /**
     * USDC transfers to {@code recipient} only, at most {@code limitUsdc} in total and {@code uses} operations, for a
     * day; session key created in the vault; approved by the owner; ledger lines with the same caps.
     */
    static Approved approvedSession(Keystore keystore, Account account, Address usdc, Address recipient, long limitUsdc, int uses)
            throws Exception {
        ChainAddresses chain = account.client().chain();
        SessionSigner key = keystore.keys().createSessionKey("devnet session");
        long now = account.client().client().latestTimestamp();
        BigInteger limit = BigInteger.valueOf(limitUsdc).multiply(BigInteger.valueOf(1_000_000L));
        OnchainSession onchain = usdcSession(chain, new Address(key.address().toLowerCase()), usdc, recipient, limit, uses, now + 86_400);
        byte[] salt = onchain.salt().bytes();
        HexBytes pid = Ids.permissionId(onchain);
        EnablePlan plan = EnableFlow.plan(onchain, List.of(account.client()));
        HexBytes approval = EnableFlow.approve(plan, List.of(account.owner()), chain.ownableValidator());
        keystore.sessions().add(new SessionRecord(pid.bytes(), account.address().hex(), key.address(), salt,
                SessionAbi.encode(onchain).bytes(), plan.hashToSign().bytes(), 0, now + 86_400, SessionStatus.PENDING_ENABLE,
                new byte[24], List.of(new SessionRecord.Chain(chain.chainId(), chain.smartSession().hex(),
                        0))));
        keystore.sessions().approve(pid.bytes(), approval.bytes());
        keystore.sessions().setBudget(pid.bytes(), usdc.hex(), limit, uses);
        return new Approved(keystore.sessions().get(pid.bytes()), onchain, pid, recipient);
    }

    /** USDC transfers to {@code recipient} only, at most {@code limit} in total and {@code uses} operations; key {@code sessionKey}. */
    static OnchainSession usdcSession(ChainAddresses chain, Address sessionKey, Address usdc, Address recipient, BigInteger limit,
                                      int uses, long validUntil) {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        Policy toRecipient = new Policy.UniversalAction(BigInteger.ZERO, List.of(new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO,
                new BigInteger(1, recipient.bytes()), Optional.empty())));
        Action transfer = new Action(usdc, TRANSFER, List.of(toRecipient,
                new Policy.SpendingLimits(List.of(new Policy.TokenLimit(usdc, limit))), new Policy.UsageLimit(BigInteger.valueOf(uses))));
        // validAfter 0: Alto judges validAfter by its wall clock and other suites move chain time ahead.
        WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(sessionKey), 1, chain.ownableValidator()), List.of(transfer),
                List.of(new Policy.TimeFrame(validUntil, 0)), HexBytes.of(salt), List.of(chain.chainId()), Optional.empty(), true);
        return SessionMapper.toOnchain(ws, chain.policies());
    }

    static SignerIntent pay(byte[] id, Account account, Address usdc, Address to, BigInteger amount) {
        return SignerIntent.of(id, account.address(), account.client().chain().chainId(),
                List.of(new Execution(usdc, BigInteger.ZERO, SignerFixture.transfer(to, amount.longValueExact()))));
    }

    static BigInteger balance(EvmClient client, Address token, Address who) {
        return Abi.word(client.call(token.hex(), Abi.call("balanceOf(address)", new org.web3j.abi.datatypes.Address(who.hex()))), 0);
    }

    /** ERC20SpendingLimit spent and UsageLimit uses of the session's transfer action, from the policy contracts. */
    static BigInteger[] chainCounters(Account account, Approved s, Address usdc) {
        ChainAddresses chain = account.client().chain();
        ChainPolicyState st = new ChainPolicyState(account.client().client(), chain.smartSession(), account.address());
        HexBytes cfg = Ids.configId(account.address(), Ids.actionPolicyId(s.pid(), Ids.actionId(usdc, TRANSFER)));
        return new BigInteger[] {st.spending(chain.policies().addressOf("p", PolicyKind.SPENDING_LIMITS), cfg, usdc).spent(),
                st.usageUsed(chain.policies().addressOf("p", PolicyKind.USAGE_LIMIT), cfg)};
    }

    /** {@code SmartSession.isPermissionEnabled}. */
    static boolean enabled(Account account, HexBytes pid) {
        ChainAddresses chain = account.client().chain();
        return Abi.word(account.client().client().call(chain.smartSession().hex(), Abi.call("isPermissionEnabled(bytes32,address)",
                new Bytes32(pid.bytes()), new org.web3j.abi.datatypes.Address(account.address().hex()))), 0).signum() != 0;
    }
}
