package dev.latchkey.cli;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigInteger;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Picocli mixin: the parameters of {@code session create --template ...}, in token units ("500" USDC, "0.25" WETH),
 * turned into a {@link SessionTemplate} against the network's tokens. A missing parameter is an error naming it.
 */
final class TemplateOptions {

    static final String NAMES = "uniswap-swap, aave-repay-only, aave-supply-borrow-repay, usdc-transfer, recurring-transfer";

    @Option(names = "--pair", paramLabel = "FROM/TO", description = "uniswap-swap: sell FROM for TO, e.g. USDC/WETH.")
    String pair;

    @Option(names = "--fee", defaultValue = "500", description = "uniswap-swap: pool fee tier (100, 500, 3000, 10000; default 500).", converter = AsciiNumbers.Int.class)
    int fee;

    @Option(names = "--max-per-trade", paramLabel = "X", description = "uniswap-swap: at most X of FROM per swap.")
    String maxPerTrade;

    @Option(names = "--max-per-day", paramLabel = "X", description = "uniswap-swap, aave-repay-only: at most X per day.")
    String maxPerDay;

    @Option(names = "--asset", paramLabel = "SYMBOL", description = "aave-repay-only: the debt asset to repay.")
    String asset;

    @Option(names = "--max-per-repay", paramLabel = "X", description = "aave-repay-only: at most X per repayment.")
    String maxPerRepay;

    @Option(names = "--collateral", paramLabel = "SYMBOL", description = "aave-supply-borrow-repay: the collateral asset.")
    String collateral;

    @Option(names = "--max-supply-per-tx", paramLabel = "X", description = "aave-supply-borrow-repay: collateral per supply/withdraw.")
    String maxSupplyPerTx;

    @Option(names = "--max-supply-per-day", paramLabel = "X", description = "aave-supply-borrow-repay: collateral supplied per day.")
    String maxSupplyPerDay;

    @Option(names = "--debt", paramLabel = "SYMBOL", description = "aave-supply-borrow-repay: the asset to borrow and repay.")
    String debt;

    @Option(names = "--max-borrow-per-tx", paramLabel = "X", description = "aave-supply-borrow-repay: debt per borrow.")
    String maxBorrowPerTx;

    @Option(names = "--max-borrow-total", paramLabel = "X", description = "aave-supply-borrow-repay: debt over the session.")
    String maxBorrowTotal;

    @Option(names = "--recipient", paramLabel = "ADDR", description = "usdc-transfer: the only payee.")
    String recipient;

    @Option(names = "--max-per-transfer", paramLabel = "X", description = "usdc-transfer: USDC per transfer.")
    String maxPerTransfer;

    @Option(names = "--max-total", paramLabel = "X", description = "usdc-transfer: USDC over the session.")
    String maxTotal;

    @Option(names = "--token", paramLabel = "SYMBOL", defaultValue = "USDC", description = "recurring-transfer: the token paid (default USDC).")
    String token;

    @Option(names = "--per-period", paramLabel = "X", description = "recurring-transfer: at most X per transfer and per period.")
    String perPeriod;

    @Option(names = "--period-hours", paramLabel = "H", defaultValue = "24", description = "recurring-transfer: the period, 1..168 hours (default 24).",
            converter = AsciiNumbers.Int.class)
    int periodHours;

    SessionTemplate template(String id, TradeNetwork n) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "uniswap-swap" -> {
                String[] fromTo = required("--pair", pair).split("/", -1);
                if (fromTo.length != 2) throw new FieldException("--pair", "expected FROM/TO, e.g. USDC/WETH, got " + pair);
                String from = n.token("--pair", fromTo[0]).symbol();
                yield new SessionTemplate.UniswapSwap(from, n.token("--pair", fromTo[1]).symbol(), fee,
                        units("--max-per-trade", maxPerTrade, from, n), units("--max-per-day", maxPerDay, from, n));
            }
            case "aave-repay-only" -> {
                String a = n.token("--asset", required("--asset", asset)).symbol();
                yield new SessionTemplate.AaveRepayOnly(a, units("--max-per-repay", maxPerRepay, a, n), units("--max-per-day", maxPerDay, a, n));
            }
            case "aave-supply-borrow-repay", "aave" -> {
                String c = n.token("--collateral", required("--collateral", collateral)).symbol();
                String d = n.token("--debt", required("--debt", debt)).symbol();
                yield new SessionTemplate.AaveSupplyBorrowRepay(c, units("--max-supply-per-tx", maxSupplyPerTx, c, n),
                        units("--max-supply-per-day", maxSupplyPerDay, c, n), d, units("--max-borrow-per-tx", maxBorrowPerTx, d, n),
                        units("--max-borrow-total", maxBorrowTotal, d, n));
            }
            case "usdc-transfer" -> new SessionTemplate.UsdcTransfer(Address.parse("--recipient", required("--recipient", recipient)),
                    units("--max-per-transfer", maxPerTransfer, "USDC", n), units("--max-total", maxTotal, "USDC", n));
            case "recurring-transfer" -> {
                String t = n.token("--token", token).symbol();
                if (periodHours < 1 || periodHours > 168) throw new FieldException("--period-hours", "from 1 to 168, got " + periodHours);
                yield new SessionTemplate.RecurringTransfer(t, Address.parse("--recipient", required("--recipient", recipient)),
                        units("--per-period", perPeriod, t, n), periodHours * 3600L, units("--max-total", maxTotal, t, n));
            }
            default -> throw new FieldException("--template", "unknown template " + id + "; known: " + NAMES);
        };
    }

    private static BigInteger units(String option, String value, String symbol, TradeNetwork n) {
        return Amounts.toUnits(option, required(option, value), n.token(option, symbol));
    }

    private static String required(String option, String value) {
        if (value == null || value.isBlank()) throw new FieldException(option, "required by this template");
        return value;
    }
}
