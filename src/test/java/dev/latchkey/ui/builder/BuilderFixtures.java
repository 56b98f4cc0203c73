package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionBounds;
import dev.latchkey.trade.template.TemplateContext;
import java.math.BigInteger;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The same fixed inputs as the trade template snapshots (src/test/resources/dev/latchkey/trade/*.snap), so the
 * builder's output can be byte-compared with them.
 */
public final class BuilderFixtures {

    public static final Address ROUTER = new Address("0x1000000000000000000000000000000000000001");
    public static final Address QUOTER = new Address("0x1000000000000000000000000000000000000002");
    public static final Address POOL = new Address("0x1000000000000000000000000000000000000003");
    public static final Address USDC = new Address("0x2000000000000000000000000000000000000001");
    public static final Address DAI = new Address("0x2000000000000000000000000000000000000002");
    public static final Address WETH = new Address("0x2000000000000000000000000000000000000003");
    public static final Address ACCOUNT = new Address("0x3000000000000000000000000000000000000001");
    public static final Address SESSION_KEY = new Address("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    public static final Address BOB = new Address("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
    public static final HexBytes SALT = HexBytes.parse("salt", "0x" + "5a".repeat(32));
    public static final long START = 1_800_000_000L;   // 2027-01-15 08:00 UTC
    public static final PolicyAddresses POLICIES = PolicyAddresses.canonical()
            .with(PolicyKind.PERIODIC_SPENDING_LIMIT, new Address("0x4000000000000000000000000000000000000001"))
            .with(PolicyKind.RATE_LIMIT, new Address("0x4000000000000000000000000000000000000002"))
            .with(PolicyKind.GAS_COST_LIMIT, new Address("0x4000000000000000000000000000000000000003"));
    public static final TradeNetwork DEVNET = new TradeNetwork("devnet", 31337, ROUTER, QUOTER, POOL,
            List.of(new Token("USDC", USDC, 6), new Token("DAI", DAI, 18), new Token("WETH", WETH, 18)),
            TradeNetwork.ENTRY_POINT_V07, TradeNetwork.SMART_SESSION_V1);
    public static final TemplateContext TEMPLATE_CONTEXT = new TemplateContext(DEVNET, ACCOUNT, SESSION_KEY, SALT, POLICIES);
    /** The builder's context at the snapshots' start time, dates in UTC. */
    public static final BuilderContext CONTEXT = new BuilderContext(DEVNET, ACCOUNT, POLICIES,
            InstantSource.fixed(Instant.ofEpochSecond(START)), java.time.ZoneId.of("UTC"));

    private BuilderFixtures() { }

    public static SessionBounds week() {
        return new SessionBounds(START, 7, 350, new BigInteger("140000000000000000"));
    }

    public static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    public static BigInteger eth(String decimal) {
        return new java.math.BigDecimal(decimal).movePointRight(18).toBigIntegerExact();
    }
    /** The issue's broad file: "USDC.transfer, amount ≤ 1 USDC" plus PermitSingle signing (sudo), the paymaster default and a fallback. */
    public static final String BROAD_FILE = "{\"owners\":{\"type\":\"ecdsa\",\"accounts\":[\"" + SESSION_KEY.checksummed() + "\"]},"
            + "\"actions\":[{\"target\":\"" + USDC.checksummed() + "\",\"selector\":\"0xa9059cbb\",\"policies\":[{\"type\":\"universal-action\","
            + "\"rules\":[{\"condition\":\"lessThanOrEqual\",\"calldataOffset\":32,\"referenceValue\":\"1000000\"}]}]},"
            + "{\"target\":\"0x0000000000000000000000000000000000000001\",\"selector\":\"0x00000001\"}],"
            + "\"policies\":[{\"type\":\"time-frame\",\"validUntil\":1800604800,\"validAfter\":1800000000}],"
            + "\"signing\":{\"allowedContent\":[{\"domainSeparator\":\"0x" + "8a".repeat(32) + "\","
            + "\"contentName\":[\"PermitSingle(PermitDetails details,address spender,uint256 sigDeadline)PermitDetails(address token,uint160 amount,uint48 expiration,uint48 nonce)\"]}]}}";

}
