package dev.latchkey.wallet;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionBounds;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.trade.template.SessionTemplates;
import dev.latchkey.trade.template.TemplateContext;
import dev.latchkey.trade.template.TemplateSession;
import java.math.BigInteger;
import java.util.List;

/**
 * The Uniswap template session (500 USDC per swap, 2,000 a day, 7 days, 350 operations, 0.14 ETH of gas) on a made-up
 * network, shared by the usage tests of the wallet and of the Sessions screen so both read the same definition.
 */
public final class UsageFixture {

    public static final Address ROUTER = new Address("0x1000000000000000000000000000000000000001");
    public static final Address USDC = new Address("0x2000000000000000000000000000000000000001");
    public static final Address ACCOUNT = new Address("0x3000000000000000000000000000000000000001");
    public static final Address KEY = new Address("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    public static final PolicyAddresses POLICIES = PolicyAddresses.canonical()
            .with(PolicyKind.PERIODIC_SPENDING_LIMIT, new Address("0x4000000000000000000000000000000000000001"))
            .with(PolicyKind.RATE_LIMIT, new Address("0x4000000000000000000000000000000000000002"))
            .with(PolicyKind.GAS_COST_LIMIT, new Address("0x4000000000000000000000000000000000000003"));
    public static final TradeNetwork NETWORK = new TradeNetwork("devnet", 31337, ROUTER,
            new Address("0x1000000000000000000000000000000000000002"), new Address("0x1000000000000000000000000000000000000003"),
            List.of(new Token("USDC", USDC, 6), new Token("WETH", new Address("0x2000000000000000000000000000000000000003"), 18)),
            TradeNetwork.ENTRY_POINT_V07, TradeNetwork.SMART_SESSION_V1);
    public static final long START = 1_800_000_000L;
    public static final long DAY = 86_400;

    private UsageFixture() {
    }

    public static TemplateSession swap() {
        return SessionTemplates.build(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(500), usdc(2000)),
                new SessionBounds(START, 7, 350, new BigInteger("140000000000000000")),
                new TemplateContext(NETWORK, ACCOUNT, KEY, HexBytes.parse("salt", "0x" + "5a".repeat(32)), POLICIES));
    }

    public static Address policy(PolicyKind kind) {
        return POLICIES.byKind().get(kind);
    }

    public static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }
}
