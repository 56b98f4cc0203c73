package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Address;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigInteger;

/** The templates of {@code trade.template} offered as starting points, with their default parameters. */
public enum Template {
    UNISWAP_SWAP("Swap USDC → WETH on Uniswap", "500 USDC per trade, 2,000 USDC per day, 7 days, output to this account"),
    AAVE_REPAY_ONLY("Aave: repay USDC debt only", "500 USDC per repayment, 1,000 USDC per day, 7 days"),
    AAVE_SUPPLY_BORROW_REPAY("Aave: supply WETH, borrow and repay USDC", "5 WETH per supply, 10 per day; borrow 1,000 USDC each, 5,000 in total"),
    USDC_TRANSFER("Pay one recipient in USDC", "100 USDC per transfer, 1,000 USDC in total, 7 days"),
    RECURRING_TRANSFER("Recurring payment to one recipient in USDC", "100 USDC per day (periodic cap), 700 USDC in total, 7 days");

    private final String title;
    private final String description;

    Template(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Whether the template pays someone, so the form asks for the recipient first. */
    public boolean needsRecipient() {
        return this == USDC_TRANSFER || this == RECURRING_TRANSFER;
    }

    /** Days every template runs for (the maximum of security.md R3). */
    public static final int DAYS = 7;

    /** The template with its default parameters; {@code recipient} only for {@link #USDC_TRANSFER}. */
    SessionTemplate build(Address recipient) {
        return switch (this) {
            case UNISWAP_SWAP -> new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(500), usdc(2000));
            case AAVE_REPAY_ONLY -> new SessionTemplate.AaveRepayOnly("USDC", usdc(500), usdc(1000));
            case AAVE_SUPPLY_BORROW_REPAY -> new SessionTemplate.AaveSupplyBorrowRepay("WETH", eth(5), eth(10), "USDC", usdc(1000), usdc(5000));
            case USDC_TRANSFER -> new SessionTemplate.UsdcTransfer(recipient, usdc(100), usdc(1000));
            case RECURRING_TRANSFER -> new SessionTemplate.RecurringTransfer("USDC", recipient, usdc(100), 86_400, usdc(700));
        };
    }

    private static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    private static BigInteger eth(long whole) {
        return BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(whole));
    }
}
