package dev.latchkey.automation;

import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionSigner;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SessionAbi;
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
import dev.latchkey.signer.SessionDefinitions;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionBounds;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.trade.template.SessionTemplates;
import dev.latchkey.trade.template.TemplateContext;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A real keystore (cheap KDF) with an account and sessions built from templates or by hand; the definitions port over them. */
final class Wallets {

    static final KdfParams CHEAP = new KdfParams(8 * 1024, 1, 1);
    static final KdfPolicy POLICY = new KdfPolicy(CHEAP, CHEAP, KdfParams.CEILING);
    static final Address OWNER = new Address("0x90f79bf6eb2c4f870365e785982e1f101e93b906");

    final Map<String, OnchainSession> definitions = new ConcurrentHashMap<>();
    final TradeNetwork network;
    final PolicyAddresses policies;
    final Address account;
    final Address ownableValidator;

    Wallets(TradeNetwork network, PolicyAddresses policies, Address account, Address ownableValidator) {
        this.network = network;
        this.policies = policies;
        this.account = account;
        this.ownableValidator = ownableValidator;
    }

    static Keystore create(Path dir) throws KeystoreException {
        return Keystore.create(dir.resolve("wallet.db"), "pw".toCharArray(), CHEAP, POLICY, Clock.systemUTC());
    }

    static Keystore reopen(Path dir) throws KeystoreException {
        Keystore k = Keystore.open(dir.resolve("wallet.db"), POLICY, Clock.systemUTC());
        k.unlock("pw".toCharArray());
        return k;
    }

    SessionDefinitions port() {
        return r -> Optional.ofNullable(definitions.get(HexFormat.of().formatHex(r.permissionId())));
    }

    /** A template session (validAfter .. validAfter + days). */
    Built template(Keystore ks, SessionTemplate t, SessionBounds bounds) throws KeystoreException {
        SessionSigner key = ks.keys().createSessionKey("automation test");
        TemplateContext ctx = new TemplateContext(network, account, new Address(key.address().toLowerCase()), salt(), policies);
        OnchainSession on = SessionTemplates.build(t, bounds, ctx).onchain();
        if (ownableValidator != null) { // the devnet's OwnableValidator, not the canonical deployment the templates name
            on = new OnchainSession(ownableValidator, on.sessionValidatorInitData(), on.salt(), on.userOpPolicies(), on.erc7739Policies(),
                    on.actions(), on.permitErc4337Paymaster());
        }
        return new Built(on, key);
    }

    /** USDC transfers to {@code recipient}, at most {@code perPeriod} per {@code period} seconds (PeriodicSpendingLimit) and per call. */
    Built periodicTransfer(Keystore ks, Address usdc, Address recipient, BigInteger perPeriod, long period, long validAfter, long validUntil)
            throws KeystoreException {
        SessionSigner key = ks.keys().createSessionKey("recurring test");
        Action transfer = new Action(usdc, new Selector("0xa9059cbb"), List.of(
                new Policy.UniversalAction(BigInteger.ZERO, List.of(
                        new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO, new BigInteger(1, recipient.bytes()), Optional.empty()),
                        new ParamRule(ParamCondition.LESS_THAN_OR_EQUAL, BigInteger.valueOf(32), perPeriod, Optional.empty()))),
                new Policy.PeriodicSpendingLimit(List.of(new Policy.TokenLimit(usdc, perPeriod)), period)));
        Owners owners = ownableValidator == null ? new Owners.Ecdsa(List.of(new Address(key.address().toLowerCase())), 1)
                : new Owners.Ecdsa(List.of(new Address(key.address().toLowerCase())), 1, ownableValidator);
        WalletSession ws = new WalletSession(owners, List.of(transfer), List.of(new Policy.TimeFrame(validUntil, validAfter)), salt(),
                List.of(network.chainId()), Optional.empty(), false);
        return new Built(SessionMapper.toOnchain(ws, policies), key);
    }

    /** Registers the account and the session (ENABLED) in the keystore and its definition in the port. */
    SessionRecord store(Keystore ks, Built b, long validAfter, long validUntil, long chainId, Address smartSession) throws KeystoreException {
        if (ks.sessions().accounts().stream().noneMatch(a -> a.address().equalsIgnoreCase(account.hex()))) {
            ks.sessions().addAccount(new Sessions.Account(account.hex(), OWNER.hex(), "automation test"));
        }
        HexBytes pid = Ids.permissionId(b.onchain());
        SessionRecord r = new SessionRecord(pid.bytes(), account.hex(), b.key().address(), b.onchain().salt().bytes(),
                SessionAbi.encode(b.onchain()).bytes(), new byte[32], validAfter, validUntil, SessionStatus.ENABLED, new byte[24],
                List.of(new SessionRecord.Chain(chainId, smartSession.hex(), 0)));
        ks.sessions().add(r);
        for (dev.latchkey.trade.catalog.Token t : network.tokens()) { // the signer's local ledger (the wallet sets these from the session's limits)
            ks.sessions().setBudget(pid.bytes(), t.address().hex(), BigInteger.ONE.shiftLeft(128), 1000);
        }
        definitions.put(HexFormat.of().formatHex(pid.bytes()), b.onchain());
        return ks.sessions().get(pid.bytes());
    }

    record Built(OnchainSession onchain, SessionSigner key) { }

    static HexBytes salt() {
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        return HexBytes.of(s);
    }
}
