package dev.latchkey.trade;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionBounds;
import dev.latchkey.trade.template.TemplateContext;
import java.math.BigInteger;
import java.util.List;

/** Fixed inputs shared by the trade tests: a devnet-like network from explicit addresses, account, key, salt. */
final class TradeFixtures {

    static final Address ROUTER = new Address("0x1000000000000000000000000000000000000001");
    static final Address QUOTER = new Address("0x1000000000000000000000000000000000000002");
    static final Address POOL = new Address("0x1000000000000000000000000000000000000003");
    static final Address USDC = new Address("0x2000000000000000000000000000000000000001");
    static final Address DAI = new Address("0x2000000000000000000000000000000000000002");
    static final Address WETH = new Address("0x2000000000000000000000000000000000000003");
    static final Address ACCOUNT = new Address("0x3000000000000000000000000000000000000001");
    static final Address SESSION_KEY = new Address("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    static final Address BOB = new Address("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
    static final HexBytes SALT = HexBytes.parse("salt", "0x" + "5a".repeat(32));
    static final long START = 1_800_000_000L;   // 2027-01-15 08:00 UTC
    static final PolicyAddresses POLICIES = PolicyAddresses.canonical()
            .with(PolicyKind.PERIODIC_SPENDING_LIMIT, new Address("0x4000000000000000000000000000000000000001"))
            .with(PolicyKind.RATE_LIMIT, new Address("0x4000000000000000000000000000000000000002"))
            .with(PolicyKind.GAS_COST_LIMIT, new Address("0x4000000000000000000000000000000000000003"));

    static final TradeNetwork DEVNET = new TradeNetwork("devnet", 31337, ROUTER, QUOTER, POOL,
            List.of(new Token("USDC", USDC, 6), new Token("DAI", DAI, 18), new Token("WETH", WETH, 18)),
            TradeNetwork.ENTRY_POINT_V07, TradeNetwork.SMART_SESSION_V1);

    static final TemplateContext CTX = new TemplateContext(DEVNET, ACCOUNT, SESSION_KEY, SALT, POLICIES);

    static SessionBounds week() {
        return new SessionBounds(START, 7, 350, new BigInteger("140000000000000000"));
    }

    static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    static BigInteger eth(String decimal) {
        return new java.math.BigDecimal(decimal).movePointRight(18).toBigIntegerExact();
    }

    private TradeFixtures() { }
}
