package dev.latchkey.trade.catalog;

import static dev.latchkey.trade.catalog.AbiParam.amount;
import static dev.latchkey.trade.catalog.AbiParam.of;
import static dev.latchkey.trade.catalog.AbiParam.tuple;

import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The functions Latchkey trades with (interfaces: Uniswap swap-router-contracts IV3SwapRouter, v3-periphery
 * IQuoterV2, aave-v3-core IPool, ERC-20). Constants are immutable values; selectors and offsets are computed.
 */
public final class Catalog {

    public static final CatalogFunction APPROVE = CatalogFunction.of(ContractKind.ERC20, "approve", false,
            of("spender", "address"), amount("amount", "target"));
    public static final CatalogFunction TRANSFER = CatalogFunction.of(ContractKind.ERC20, "transfer", false,
            of("to", "address"), amount("amount", "target"));

    /** SwapRouter02 (IV3SwapRouter): no deadline field, unlike the v1 SwapRouter. */
    public static final CatalogFunction EXACT_INPUT_SINGLE = CatalogFunction.of(ContractKind.SWAP_ROUTER_02, "exactInputSingle", false,
            tuple("params", of("tokenIn", "address"), of("tokenOut", "address"), of("fee", "uint24"), of("recipient", "address"),
                    amount("amountIn", "tokenIn"), amount("amountOutMinimum", "tokenOut"), of("sqrtPriceLimitX96", "uint160")));
    public static final CatalogFunction EXACT_INPUT = CatalogFunction.of(ContractKind.SWAP_ROUTER_02, "exactInput", false,
            tuple("params", of("path", "bytes"), of("recipient", "address"), of("amountIn", "uint256"), of("amountOutMinimum", "uint256")));
    public static final CatalogFunction EXACT_OUTPUT_SINGLE = CatalogFunction.of(ContractKind.SWAP_ROUTER_02, "exactOutputSingle", false,
            tuple("params", of("tokenIn", "address"), of("tokenOut", "address"), of("fee", "uint24"), of("recipient", "address"),
                    amount("amountOut", "tokenOut"), amount("amountInMaximum", "tokenIn"), of("sqrtPriceLimitX96", "uint160")));

    /** QuoterV2: note the field order differs from the router's (amountIn before fee). Called with eth_call only. */
    public static final CatalogFunction QUOTE_EXACT_INPUT_SINGLE = CatalogFunction.of(ContractKind.QUOTER_V2, "quoteExactInputSingle", true,
            tuple("params", of("tokenIn", "address"), of("tokenOut", "address"), amount("amountIn", "tokenIn"), of("fee", "uint24"),
                    of("sqrtPriceLimitX96", "uint160")));

    public static final CatalogFunction SUPPLY = CatalogFunction.of(ContractKind.AAVE_POOL, "supply", false,
            of("asset", "address"), amount("amount", "asset"), of("onBehalfOf", "address"), of("referralCode", "uint16"));
    public static final CatalogFunction WITHDRAW = CatalogFunction.of(ContractKind.AAVE_POOL, "withdraw", false,
            of("asset", "address"), amount("amount", "asset"), of("to", "address"));
    public static final CatalogFunction BORROW = CatalogFunction.of(ContractKind.AAVE_POOL, "borrow", false,
            of("asset", "address"), amount("amount", "asset"), of("interestRateMode", "uint256"), of("referralCode", "uint16"),
            of("onBehalfOf", "address"));
    public static final CatalogFunction REPAY = CatalogFunction.of(ContractKind.AAVE_POOL, "repay", false,
            of("asset", "address"), amount("amount", "asset"), of("interestRateMode", "uint256"), of("onBehalfOf", "address"));
    public static final CatalogFunction GET_USER_ACCOUNT_DATA = CatalogFunction.of(ContractKind.AAVE_POOL, "getUserAccountData", true,
            of("user", "address"));

    /** Aave V3 variable-rate mode (stable rate is deprecated). */
    public static final BigInteger VARIABLE_RATE = BigInteger.TWO;

    public static final List<CatalogFunction> ALL = List.of(APPROVE, TRANSFER, EXACT_INPUT_SINGLE, EXACT_INPUT, EXACT_OUTPUT_SINGLE,
            QUOTE_EXACT_INPUT_SINGLE, SUPPLY, WITHDRAW, BORROW, REPAY, GET_USER_ACCOUNT_DATA);

    private Catalog() { }

    public static Optional<CatalogFunction> bySelector(Selector selector) {
        return ALL.stream().filter(f -> f.selector().equals(selector)).findFirst();
    }

    /**
     * Calldata of a static function: selector, then one word per field in order. Values are {@link Address}es for
     * address fields and {@link BigInteger}s (range-checked to the field's width) otherwise.
     */
    public static HexBytes encode(CatalogFunction fn, Object... values) {
        if (!fn.isStatic()) throw new IllegalArgumentException(fn.signature() + ": only static functions are encoded here");
        if (values.length != fn.fields().size()) {
            throw new IllegalArgumentException(fn.signature() + ": expected " + fn.fields().size() + " values, got " + values.length);
        }
        AbiWords w = new AbiWords().raw(fn.selector().bytes());
        for (int i = 0; i < values.length; i++) {
            CatalogField f = fn.fields().get(i);
            switch (values[i]) {
                case Address a when f.type().equals("address") -> w.address(a);
                case BigInteger v when !f.type().equals("address") -> w.uint(UInt.check(f.name(), v, f.bits()));
                default -> throw new FieldException(f.name(), "expected " + f.type() + ", got " + values[i]);
            }
        }
        return w.toHexBytes();
    }
}
