package dev.latchkey.trade;

import static dev.latchkey.trade.TradeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.ExecuteCall;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.execution.ExecutionMode;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.build.AaveIntent;
import dev.latchkey.trade.build.BuiltTrade;
import dev.latchkey.trade.build.Quote;
import dev.latchkey.trade.build.QuoteRequest;
import dev.latchkey.trade.build.QuoteSource;
import dev.latchkey.trade.build.QuoterV2Codec;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.build.TradeBuilder;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.CalldataDecoder;
import dev.latchkey.trade.catalog.Catalog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Intent + quote → exact calls → one execute callData; intent validation names the field. */
class TradeBuilderTest {

    /** 1 USDC (1e6 units) = 0.0004 WETH: amountOut = amountIn × 4e8. */
    static final QuoteSource PRICE = r -> new Quote(r, r.amountIn().multiply(BigInteger.valueOf(400_000_000L)), BigInteger.ONE.shiftLeft(96), 1,
            BigInteger.valueOf(90_000), START);

    final List<QuoteRequest> asked = new ArrayList<>();
    final TradeBuilder builder = new TradeBuilder(DEVNET, r -> {
        asked.add(r);
        return PRICE.quoteExactInputSingle(r);
    });

    @Test
    void swapIsExactApprovePlusExactInputSingleInOneBatch() {
        BuiltTrade t = builder.swap(ACCOUNT, new SwapIntent("usdc", "WETH", usdc(100), 50));
        assertThat(asked).containsExactly(new QuoteRequest(USDC, WETH, usdc(100), 500));
        BigInteger quoted = new BigInteger("40000000000000000");                  // 0.04 WETH
        BigInteger min = new BigInteger("39800000000000000");                     // × 0.995
        assertThat(t.amountOutMinimum()).contains(min);
        assertThat(t.calls()).containsExactly(
                new Execution(USDC, BigInteger.ZERO, Catalog.encode(Catalog.APPROVE, ROUTER, usdc(100))),
                new Execution(ROUTER, BigInteger.ZERO, Catalog.encode(Catalog.EXACT_INPUT_SINGLE, USDC, WETH, BigInteger.valueOf(500), ACCOUNT,
                        usdc(100), min, BigInteger.ZERO)));
        ExecuteCall decoded = Erc7579Execute.decode(t.callData());
        assertThat(decoded.mode()).isEqualTo(ExecutionMode.of(ExecutionMode.CALL_BATCH));
        assertThat(decoded.executions()).isEqualTo(t.calls());
        assertThat(t.quote().orElseThrow().amountOut()).isEqualTo(quoted);
        assertThat(t.description()).isEqualTo("swap 100 USDC → at least 0.0398 WETH (quote 0.04 WETH, slippage 50 bps)");
    }

    @Test
    void builtCallsRenderForReview() {
        BuiltTrade t = builder.swap(ACCOUNT, new SwapIntent("USDC", "WETH", usdc(100), 50));
        CalldataDecoder dec = new CalldataDecoder(DEVNET);
        List<String> shown = t.calls().stream().map(c -> dec.decode(c.target(), c.callData(), ACCOUNT).render()).toList();
        assertThat(shown.get(0)).contains("USDC (0x2000000000000000000000000000000000000001).approve", "spender: 0x1000000000000000000000000000000000000001 (SwapRouter02)",
                "amount: 100000000 (100 USDC)");
        assertThat(shown.get(1)).contains("recipient: 0x3000000000000000000000000000000000000001 (this account)", "amountOutMinimum: 39800000000000000 (0.0398 WETH)");
    }

    @Test
    void minimumOutRoundsDown() {
        assertThat(TradeBuilder.minimumOut(BigInteger.valueOf(999), 50)).isEqualTo(BigInteger.valueOf(994));    // 994.005
        assertThat(TradeBuilder.minimumOut(BigInteger.valueOf(999), 0)).isEqualTo(BigInteger.valueOf(999));
        assertThat(TradeBuilder.minimumOut(BigInteger.valueOf(3), 5000)).isEqualTo(BigInteger.ONE);            // 1.5
    }

    @Test
    void intentsAreValidatedNamingTheField() {
        assertThatThrownBy(() -> builder.swap(ACCOUNT, new SwapIntent("PEPE", "WETH", usdc(1), 50))).isInstanceOf(FieldException.class)
                .hasMessage("from: unknown token PEPE on devnet; known: USDC, DAI, WETH");
        assertThatThrownBy(() -> builder.swap(ACCOUNT, new SwapIntent("USDC", "XYZ", usdc(1), 50))).hasMessageStartingWith("to: unknown token XYZ");
        assertThatThrownBy(() -> new SwapIntent("USDC", "WETH", BigInteger.ZERO, 50)).hasMessage("amount: must be greater than 0");
        assertThatThrownBy(() -> new SwapIntent("USDC", "WETH", BigInteger.ONE.shiftLeft(256), 50)).hasMessageStartingWith("amount: exceeds uint256");
        assertThatThrownBy(() -> new SwapIntent("USDC", "WETH", BigInteger.valueOf(-1), 50)).hasMessageStartingWith("amount: must not be negative");
        assertThatThrownBy(() -> new SwapIntent("USDC", "WETH", usdc(1), 5001)).hasMessageStartingWith("maxSlippage: must be 0–50%");
        assertThatThrownBy(() -> new SwapIntent("USDC", "WETH", usdc(1), -1)).hasMessageStartingWith("maxSlippage:");
        assertThatThrownBy(() -> new SwapIntent("USDC", "usdc", usdc(1), 1)).hasMessageStartingWith("to: must differ");
        assertThatThrownBy(() -> new SwapIntent("USDC", "WETH", usdc(1), 1, 400)).hasMessageStartingWith("fee:");
        assertThatThrownBy(() -> new AaveIntent.Supply("WETH", BigInteger.ZERO)).hasMessage("amount: must be greater than 0");
        assertThatThrownBy(() -> new AaveIntent.Repay("USDC", BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)))
                .hasMessageStartingWith("amount: type(uint256).max");
        assertThatThrownBy(() -> builder.aave(ACCOUNT, new AaveIntent.Borrow("GHO", usdc(1)))).hasMessageStartingWith("asset: unknown token GHO");
        assertThat(Amounts.toUnits("amount", "100.5", DEVNET.token("x", "USDC"))).isEqualTo(BigInteger.valueOf(100_500_000));
        assertThatThrownBy(() -> Amounts.toUnits("amount", "0.0000001", DEVNET.token("x", "USDC"))).hasMessageStartingWith("amount: USDC has 6 decimals");
    }

    @Test
    void quotesComeFromThePortAndMustAnswerTheRequest() {
        TradeBuilder wrong = new TradeBuilder(DEVNET, r -> PRICE.quoteExactInputSingle(new QuoteRequest(r.tokenIn(), r.tokenOut(), r.amountIn(), 3000)));
        assertThatThrownBy(() -> wrong.swap(ACCOUNT, new SwapIntent("USDC", "WETH", usdc(1), 50))).isInstanceOf(IllegalStateException.class);
        TradeBuilder dry = new TradeBuilder(DEVNET, r -> new Quote(r, BigInteger.ZERO, BigInteger.ZERO, 0, BigInteger.ZERO, START));
        assertThatThrownBy(() -> dry.swap(ACCOUNT, new SwapIntent("USDC", "WETH", usdc(1), 50))).hasMessageStartingWith("quote.amountOut: 0");
        TradeBuilder tiny = new TradeBuilder(DEVNET, r -> new Quote(r, BigInteger.ONE, BigInteger.ZERO, 0, BigInteger.ZERO, START));
        assertThatThrownBy(() -> tiny.swap(ACCOUNT, new SwapIntent("USDC", "WETH", BigInteger.ONE, 50))).hasMessageStartingWith("amount: too small");
    }

    @Test
    void quoterCallDataAndReturnDecoding() {
        QuoteRequest r = new QuoteRequest(USDC, WETH, usdc(100), 500);
        assertThat(QuoterV2Codec.encode(r)).isEqualTo(Catalog.encode(Catalog.QUOTE_EXACT_INPUT_SINGLE, USDC, WETH, usdc(100), BigInteger.valueOf(500),
                BigInteger.ZERO));
        HexBytes ret = HexBytes.parse("ret", "0x" + "%064x".formatted(40_000L) + "%064x".formatted(7L) + "%064x".formatted(2L) + "%064x".formatted(90_000L));
        Quote q = QuoterV2Codec.decode(r, ret, START);
        assertThat(q).isEqualTo(new Quote(r, BigInteger.valueOf(40_000), BigInteger.valueOf(7), 2, BigInteger.valueOf(90_000), START));
        assertThatThrownBy(() -> QuoterV2Codec.decode(r, ret.slice(0, 96), START)).hasMessageStartingWith("quoteReturn:");
    }

    @Test
    void aaveCallsAlwaysActForTheAccount() {
        BuiltTrade supply = builder.aave(ACCOUNT, new AaveIntent.Supply("WETH", eth("1")));
        assertThat(supply.calls()).containsExactly(new Execution(WETH, BigInteger.ZERO, Catalog.encode(Catalog.APPROVE, POOL, eth("1"))),
                new Execution(POOL, BigInteger.ZERO, Catalog.encode(Catalog.SUPPLY, WETH, eth("1"), ACCOUNT, BigInteger.ZERO)));
        BuiltTrade withdraw = builder.aave(ACCOUNT, new AaveIntent.Withdraw("WETH", eth("1")));
        assertThat(Erc7579Execute.decode(withdraw.callData()).mode()).isEqualTo(ExecutionMode.of(ExecutionMode.CALL_SINGLE));
        assertThat(withdraw.calls()).containsExactly(new Execution(POOL, BigInteger.ZERO, Catalog.encode(Catalog.WITHDRAW, WETH, eth("1"), ACCOUNT)));
        assertThat(builder.aave(ACCOUNT, new AaveIntent.Borrow("USDC", usdc(5))).calls()).containsExactly(new Execution(POOL, BigInteger.ZERO,
                Catalog.encode(Catalog.BORROW, USDC, usdc(5), BigInteger.TWO, BigInteger.ZERO, ACCOUNT)));
        BuiltTrade repay = builder.aave(ACCOUNT, new AaveIntent.Repay("USDC", usdc(5)));
        assertThat(repay.calls()).containsExactly(new Execution(USDC, BigInteger.ZERO, Catalog.encode(Catalog.APPROVE, POOL, usdc(5))),
                new Execution(POOL, BigInteger.ZERO, Catalog.encode(Catalog.REPAY, USDC, usdc(5), BigInteger.TWO, ACCOUNT)));
        assertThat(repay.description()).isEqualTo("aave repay 5 USDC");
    }

    @Test
    void neverTargetsTheAccountItself() {
        assertThatThrownBy(() -> builder.swap(ROUTER, new SwapIntent("USDC", "WETH", usdc(1), 50))).hasMessage("target: the account itself is never a target");
    }
}
