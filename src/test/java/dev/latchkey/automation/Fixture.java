package dev.latchkey.automation;

import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.build.Quote;
import dev.latchkey.trade.build.QuoteSource;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionBounds;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Offline fixture: a devnet-like network from explicit addresses, a real keystore, scripted chain, recording signer. */
public final class Fixture {

    public static final Address ROUTER = new Address("0x1000000000000000000000000000000000000001");
    public static final Address QUOTER = new Address("0x1000000000000000000000000000000000000002");
    public static final Address AAVE_POOL = new Address("0x1000000000000000000000000000000000000003");
    public static final Address USDC = new Address("0x2000000000000000000000000000000000000001");
    public static final Address DAI = new Address("0x2000000000000000000000000000000000000002");
    public static final Address WETH = new Address("0x2000000000000000000000000000000000000003");
    public static final Address UNI_POOL = new Address("0x5000000000000000000000000000000000000001");
    public static final Address ACCOUNT = new Address("0x3000000000000000000000000000000000000001");
    public static final Address BOB = new Address("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
    public static final long START = 1_800_000_000L;
    public static final PolicyAddresses POLICIES = PolicyAddresses.canonical()
            .with(PolicyKind.PERIODIC_SPENDING_LIMIT, new Address("0x4000000000000000000000000000000000000001"))
            .with(PolicyKind.RATE_LIMIT, new Address("0x4000000000000000000000000000000000000002"))
            .with(PolicyKind.GAS_COST_LIMIT, new Address("0x4000000000000000000000000000000000000003"));
    public static final TradeNetwork NET = new TradeNetwork("devnet", 31337, ROUTER, QUOTER, AAVE_POOL,
            List.of(new Token("USDC", USDC, 6), new Token("DAI", DAI, 18), new Token("WETH", WETH, 18)),
            TradeNetwork.ENTRY_POINT_V07, TradeNetwork.SMART_SESSION_V1);
    public static final QuoteSource QUOTES = r -> new Quote(r, r.amountIn().multiply(BigInteger.valueOf(3)), BigInteger.ONE.shiftLeft(96), 0,
            BigInteger.ZERO, START);

    final Path dir;
    final Wallets wallets = new Wallets(NET, POLICIES, ACCOUNT, null);
    public final ScriptedChain chain = new ScriptedChain(UNI_POOL, USDC);
    final RecordingSigner signer = new RecordingSigner();
    final List<String> log = new CopyOnWriteArrayList<>();
    public Keystore keystore;

    public Fixture(Path dir) throws Exception {
        this.dir = dir;
        this.keystore = Wallets.create(dir);
        chain.head = new ScriptedChain.Head(100, START + 100);
        price("3000");
    }

    public void price(String wethInUsdc) {
        chain.price(new BigDecimal(wethInUsdc), WETH, 18, 6);
    }

    public SessionRecord session(SessionTemplate t) throws Exception {
        return wallets.store(keystore, wallets.template(keystore, t, new SessionBounds(START, 7, 350, new BigInteger("140000000000000000"))),
                START, START + 7 * 86_400, NET.chainId(), TradeNetwork.SMART_SESSION_V1);
    }

    public SessionRecord recurringSession(BigInteger perPeriod, long period, long validUntil) throws Exception {
        return wallets.store(keystore, wallets.periodicTransfer(keystore, USDC, BOB, perPeriod, period, START, validUntil),
                START, validUntil, NET.chainId(), TradeNetwork.SMART_SESSION_V1);
    }

    public AutomationService service() {
        return service(AutomationService.RefusalWording.ENGINE);
    }

    public AutomationService service(AutomationService.RefusalWording wording) {
        return new AutomationService(keystore, NET, wallets.port(), POLICIES, wording);
    }

    public AutomationEngine engine() {
        return engine((s, c) -> new InMemoryPolicyState());
    }

    public AutomationEngine engine(dev.latchkey.signer.PolicyStateSource states) {
        return new AutomationEngine(keystore, NET, chain, QUOTES, signer, wallets.port(), states,
                new AutomationConfig(POLICIES, Duration.ofMillis(20), 3, 30, 3, log::add));
    }

    AutomationRule add(SessionRecord s, RuleSpec spec) throws Exception {
        return service().add(s.permissionId(), spec.kind().toLowerCase(), spec, chain.head.timestamp());
    }

    AutomationRule rule(AutomationRule r) throws Exception {
        return keystore.automations().get(r.ruleId());
    }

    /** Closes the keystore as a crash would leave it (nothing flushed beyond committed transactions) and reopens it. */
    void restart() throws Exception {
        keystore.close();
        keystore = Wallets.reopen(dir);
    }

    public static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    public static BigInteger eth(String d) {
        return new BigDecimal(d).movePointRight(18).toBigIntegerExact();
    }
}
