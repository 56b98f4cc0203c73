package dev.latchkey.trade;

import static dev.latchkey.trade.TradeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.CatalogField;
import dev.latchkey.trade.catalog.CatalogFunction;
import dev.latchkey.trade.catalog.CalldataDecoder;
import dev.latchkey.trade.catalog.DecodedCall;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** Selectors from keccak of the signatures, offsets read back from web3j-encoded calls, the strict decoder. */
class CatalogTest {

    static final BigInteger A_IN = new BigInteger("500000000");
    static final BigInteger MIN_OUT = new BigInteger("123456789012345678");
    static final BigInteger SQRT = BigInteger.ONE.shiftLeft(150).add(BigInteger.valueOf(7));

    /** [S34] and the interface files: the selectors the security notes list, recomputed here from the signatures. */
    @Test
    void selectorsAreKeccakOfTheSignatures() {
        Map<CatalogFunction, String> expected = Map.ofEntries(
                Map.entry(Catalog.EXACT_INPUT_SINGLE, "0x04e45aaf"), Map.entry(Catalog.SUPPLY, "0x617ba037"),
                Map.entry(Catalog.WITHDRAW, "0x69328dec"), Map.entry(Catalog.BORROW, "0xa415bcad"), Map.entry(Catalog.REPAY, "0x573ade81"),
                Map.entry(Catalog.APPROVE, "0x095ea7b3"), Map.entry(Catalog.TRANSFER, "0xa9059cbb"),
                // not in [S34]: pinned here after computing them from the interface signatures below
                Map.entry(Catalog.EXACT_INPUT, "0xb858183f"), Map.entry(Catalog.EXACT_OUTPUT_SINGLE, "0x5023b4df"),
                Map.entry(Catalog.QUOTE_EXACT_INPUT_SINGLE, "0xc6a5026a"), Map.entry(Catalog.GET_USER_ACCOUNT_DATA, "0xbf92857c"));
        expected.forEach((fn, sel) -> {
            assertThat(fn.selector().hex()).as(fn.signature()).isEqualTo(sel);
            assertThat(Hash.sha3String(fn.signature()).substring(0, 10)).as(fn.signature()).isEqualTo(sel);
        });
        Map<String, String> signatures = Catalog.ALL.stream().collect(Collectors.toMap(CatalogFunction::name, CatalogFunction::signature));
        assertThat(signatures).containsEntry("exactInputSingle", "exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))")
                .containsEntry("exactInput", "exactInput((bytes,address,uint256,uint256))")
                .containsEntry("exactOutputSingle", "exactOutputSingle((address,address,uint24,address,uint256,uint256,uint160))")
                .containsEntry("quoteExactInputSingle", "quoteExactInputSingle((address,address,uint256,uint24,uint160))")
                .containsEntry("getUserAccountData", "getUserAccountData(address)");
        for (CatalogFunction fn : Catalog.ALL) {
            assertThat(fn.selector().hex()).as(fn.signature()).isEqualTo(Hash.sha3String(fn.signature()).substring(0, 10));
        }
        assertThat(Catalog.ALL.stream().map(CatalogFunction::selector).distinct()).hasSize(Catalog.ALL.size());
    }

    @Test
    void exactInputSingleOffsetsReadBackFromAWeb3jEncodedCall() {
        byte[] data = web3j("exactInputSingle", new StaticStruct(addr(USDC), addr(WETH), new Uint24(500), addr(ACCOUNT),
                new Uint256(A_IN), new Uint256(MIN_OUT), new Uint160(SQRT)));
        CatalogFunction fn = Catalog.EXACT_INPUT_SINGLE;
        assertThat(data).startsWith(fn.selector().bytes());
        assertThat(offsets(fn)).containsExactly(0L, 32L, 64L, 96L, 128L, 160L, 192L);
        assertThat(wordAt(data, fn.ruleOffset("tokenIn"))).isEqualTo(num(USDC));
        assertThat(wordAt(data, fn.ruleOffset("tokenOut"))).isEqualTo(num(WETH));
        assertThat(wordAt(data, fn.ruleOffset("fee"))).isEqualTo(BigInteger.valueOf(500));
        assertThat(wordAt(data, fn.ruleOffset("recipient"))).isEqualTo(num(ACCOUNT));
        assertThat(wordAt(data, fn.ruleOffset("amountIn"))).isEqualTo(A_IN);
        assertThat(wordAt(data, fn.ruleOffset("amountOutMinimum"))).isEqualTo(MIN_OUT);
        assertThat(wordAt(data, fn.ruleOffset("sqrtPriceLimitX96"))).isEqualTo(SQRT);
        assertThat(Catalog.encode(fn, USDC, WETH, BigInteger.valueOf(500), ACCOUNT, A_IN, MIN_OUT, SQRT).bytes()).isEqualTo(data);
    }

    @Test
    void aaveAndErc20OffsetsReadBackFromWeb3jEncodedCalls() {
        byte[] supply = web3j("supply", addr(USDC), new Uint256(A_IN), addr(ACCOUNT), new Uint16(0));
        assertThat(wordAt(supply, Catalog.SUPPLY.ruleOffset("onBehalfOf"))).isEqualTo(num(ACCOUNT));
        assertThat(Catalog.encode(Catalog.SUPPLY, USDC, A_IN, ACCOUNT, BigInteger.ZERO).bytes()).isEqualTo(supply);
        byte[] withdraw = web3j("withdraw", addr(USDC), new Uint256(A_IN), addr(ACCOUNT));
        assertThat(wordAt(withdraw, Catalog.WITHDRAW.ruleOffset("to"))).isEqualTo(num(ACCOUNT));
        byte[] borrow = web3j("borrow", addr(USDC), new Uint256(A_IN), new Uint256(2), new Uint16(7), addr(ACCOUNT));
        assertThat(wordAt(borrow, Catalog.BORROW.ruleOffset("onBehalfOf"))).isEqualTo(num(ACCOUNT));
        assertThat(wordAt(borrow, Catalog.BORROW.ruleOffset("interestRateMode"))).isEqualTo(BigInteger.TWO);
        assertThat(Catalog.encode(Catalog.BORROW, USDC, A_IN, BigInteger.TWO, BigInteger.valueOf(7), ACCOUNT).bytes()).isEqualTo(borrow);
        byte[] repay = web3j("repay", addr(USDC), new Uint256(A_IN), new Uint256(2), addr(ACCOUNT));
        assertThat(wordAt(repay, Catalog.REPAY.ruleOffset("onBehalfOf"))).isEqualTo(num(ACCOUNT));
        assertThat(wordAt(repay, Catalog.REPAY.ruleOffset("amount"))).isEqualTo(A_IN);
        byte[] approve = web3j("approve", addr(ROUTER), new Uint256(A_IN));
        assertThat(wordAt(approve, Catalog.APPROVE.ruleOffset("spender"))).isEqualTo(num(ROUTER));
        assertThat(Catalog.encode(Catalog.APPROVE, ROUTER, A_IN).bytes()).isEqualTo(approve);
        byte[] quote = web3j("quoteExactInputSingle", new StaticStruct(addr(USDC), addr(WETH), new Uint256(A_IN), new Uint24(3000), new Uint160(0)));
        assertThat(wordAt(quote, Catalog.QUOTE_EXACT_INPUT_SINGLE.ruleOffset("fee"))).isEqualTo(BigInteger.valueOf(3000));
        assertThat(Catalog.encode(Catalog.QUOTE_EXACT_INPUT_SINGLE, USDC, WETH, A_IN, BigInteger.valueOf(3000), BigInteger.ZERO).bytes()).isEqualTo(quote);
    }

    /** exactInput's fields sit behind ABI offsets: canonical positions are computed but never usable by a rule. */
    @Test
    void exactInputFieldsAreCanonicalButNotRuleSafe() {
        byte[] path = Numeric.hexStringToByteArray(USDC.hex() + "0001f4" + WETH.hex().substring(2));
        byte[] data = web3j("exactInput", new DynamicStruct(new DynamicBytes(path), addr(ACCOUNT), new Uint256(A_IN), new Uint256(MIN_OUT)));
        CatalogFunction fn = Catalog.EXACT_INPUT;
        assertThat(fn.selector().bytes()).isEqualTo(java.util.Arrays.copyOf(data, 4));
        assertThat(wordAt(data, fn.field("recipient").offset())).isEqualTo(num(ACCOUNT));
        assertThat(wordAt(data, fn.field("amountIn").offset())).isEqualTo(A_IN);
        assertThat(wordAt(data, fn.field("amountOutMinimum").offset())).isEqualTo(MIN_OUT);
        assertThat(fn.fields()).noneMatch(CatalogField::ruleSafe);
        assertThatThrownBy(() -> fn.ruleOffset("recipient")).isInstanceOf(FieldException.class).hasMessageContaining("behind an ABI offset");
        DecodedCall d = new CalldataDecoder(DEVNET).decode(ROUTER, HexBytes.of(data), ACCOUNT);
        assertThat(d.arg("path").orElseThrow().display()).isEqualTo("USDC -0.05%→ WETH");
        assertThat(d.arg("recipient").orElseThrow().display()).endsWith("(this account)");
        byte[] shifted = data.clone();
        shifted[4 + 31] = 0x40;
        assertThatThrownBy(() -> new CalldataDecoder(DEVNET).decode(ROUTER, HexBytes.of(shifted), ACCOUNT))
                .isInstanceOf(FieldException.class).hasMessageStartingWith("params.offset");
    }

    @Test
    void decoderRendersNamedArgumentsForReview() {
        HexBytes data = Catalog.encode(Catalog.EXACT_INPUT_SINGLE, USDC, WETH, BigInteger.valueOf(500), ACCOUNT, A_IN, MIN_OUT, BigInteger.ZERO);
        DecodedCall d = new CalldataDecoder(DEVNET).decode(ROUTER, data, ACCOUNT);
        assertThat(d.targetMatches()).isTrue();
        assertThat(d.render()).isEqualTo("""
                SwapRouter02 (0x1000000000000000000000000000000000000001).exactInputSingle
                  tokenIn: 0x2000000000000000000000000000000000000001 (USDC)
                  tokenOut: 0x2000000000000000000000000000000000000003 (WETH)
                  fee: 500 (0.05%)
                  recipient: 0x3000000000000000000000000000000000000001 (this account)
                  amountIn: 500000000 (500 USDC)
                  amountOutMinimum: 123456789012345678 (0.123456789012345678 WETH)
                  sqrtPriceLimitX96: 0""");
        DecodedCall approve = new CalldataDecoder(DEVNET).decode(WETH, Catalog.encode(Catalog.APPROVE, POOL, new BigInteger("2500000000000000000")), ACCOUNT);
        assertThat(approve.render()).contains("WETH (0x2000000000000000000000000000000000000003).approve", "spender: 0x1000000000000000000000000000000000000003 (Aave Pool)",
                "amount: 2500000000000000000 (2.5 WETH)");
        DecodedCall wrongTarget = new CalldataDecoder(DEVNET).decode(USDC, data, ACCOUNT);
        assertThat(wrongTarget.targetMatches()).isFalse();
        assertThat(wrongTarget.render()).contains("[NOT the network's Uniswap SwapRouter02]");
    }

    @Test
    void decoderRefusesNonCanonicalCalldata() {
        CalldataDecoder dec = new CalldataDecoder(DEVNET);
        byte[] ok = Catalog.encode(Catalog.EXACT_INPUT_SINGLE, USDC, WETH, BigInteger.valueOf(500), ACCOUNT, A_IN, MIN_OUT, BigInteger.ZERO).bytes();
        byte[] longer = java.util.Arrays.copyOf(ok, ok.length + 32);
        assertThatThrownBy(() -> dec.decode(ROUTER, HexBytes.of(longer), ACCOUNT)).isInstanceOf(FieldException.class).hasMessageStartingWith("callData:");
        byte[] dirty = ok.clone();
        dirty[4 + 96] = 1;                      // recipient word's padding
        assertThatThrownBy(() -> dec.decode(ROUTER, HexBytes.of(dirty), ACCOUNT)).hasMessageStartingWith("recipient:");
        byte[] bigFee = ok.clone();
        bigFee[4 + 64 + 28] = 1;                // fee above uint24
        assertThatThrownBy(() -> dec.decode(ROUTER, HexBytes.of(bigFee), ACCOUNT)).hasMessageStartingWith("fee:");
        assertThatThrownBy(() -> dec.decode(ROUTER, HexBytes.parse("x", "0xdeadbeef"), ACCOUNT)).hasMessageStartingWith("callData.selector:");
    }

    @Test
    void networksAreExplicitAndPresetsCarryValidChecksums() {
        for (TradeNetwork n : List.of(TradeNetwork.ethereum(), TradeNetwork.base())) {
            assertThat(n.token("x", "usdc").decimals()).isEqualTo(6);
            assertThat(n.token("x", "WETH").decimals()).isEqualTo(18);
            assertThat(n.token("x", "DAI").decimals()).isEqualTo(18);
        }
        assertThat(TradeNetwork.preset("mainnet").chainId()).isEqualTo(1);
        assertThat(TradeNetwork.preset("base").chainId()).isEqualTo(8453);
        assertThatThrownBy(() -> DEVNET.token("from", "PEPE")).isInstanceOf(FieldException.class)
                .hasMessage("from: unknown token PEPE on devnet; known: USDC, DAI, WETH");
        assertThatThrownBy(() -> new TradeNetwork("x", 1, ROUTER, QUOTER, ROUTER, DEVNET.tokens(), TradeNetwork.ENTRY_POINT_V07, TradeNetwork.SMART_SESSION_V1))
                .hasMessageStartingWith("network.aavePool:");
        assertThatThrownBy(() -> new TradeNetwork("x", 1, new Address("0x0000000000000000000000000000000000000005"), QUOTER, POOL, DEVNET.tokens(),
                TradeNetwork.ENTRY_POINT_V07, TradeNetwork.SMART_SESSION_V1)).hasMessageContaining("precompile");
    }

    static byte[] web3j(String name, Type<?>... args) {
        return Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function(name, List.of(args), List.of())));
    }

    static org.web3j.abi.datatypes.Address addr(Address a) {
        return new org.web3j.abi.datatypes.Address(a.hex());
    }

    static BigInteger num(Address a) {
        return new BigInteger(1, a.bytes());
    }

    static BigInteger wordAt(byte[] calldata, long offset) {
        int from = 4 + (int) offset;
        return new BigInteger(1, java.util.Arrays.copyOfRange(calldata, from, from + 32));
    }

    static List<Long> offsets(CatalogFunction fn) {
        return fn.fields().stream().map(CatalogField::offset).toList();
    }
}
