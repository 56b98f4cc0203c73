package dev.latchkey.cli;

import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.wallet.AavePosition;
import dev.latchkey.wallet.AccountView;
import dev.latchkey.wallet.Deployment;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wallet results as printable maps (the same keys in text and {@code --json}); amounts as exact decimal strings. */
final class Views {

    private Views() {
    }

    static Map<String, Object> account(AccountView v) {
        Map<String, Object> out = Output.result();
        out.put("network", v.network());
        out.put("chainId", v.chainId());
        out.put("account", v.address().checksummed());
        out.put("owner", v.owner().checksummed());
        out.put("label", v.label());
        out.put("deployed", v.deployed());
        Map<String, String> balances = new LinkedHashMap<>();
        balances.put("ETH", plain(v.ethWei(), 18));
        v.tokens().forEach(t -> balances.put(t.symbol(), plain(t.raw(), t.decimals())));
        out.put("balances", balances);
        v.aave().ifPresent(a -> out.put("aave", aave(a)));
        return out;
    }

    static Map<String, Object> aave(AavePosition a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("collateralUsd", plain(a.totalCollateralBase(), 8));
        out.put("debtUsd", plain(a.totalDebtBase(), 8));
        out.put("availableBorrowsUsd", plain(a.availableBorrowsBase(), 8));
        out.put("healthFactor", a.healthFactor().map(h -> h.toPlainString()).orElse("infinite (no debt)"));
        Map<String, Object> reserves = new LinkedHashMap<>();
        a.reserves().forEach(r -> reserves.put(r.symbol(), Map.of("supplied", plain(r.supplied(), r.decimals()),
                "borrowed", plain(r.borrowed(), r.decimals()))));
        out.put("reserves", reserves);
        return out;
    }

    static Map<String, Object> deployment(Deployment d) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (d) {
            case Deployment.AlreadyDeployed a -> out.put("deployment", "already deployed");
            case Deployment.ByFaucet f -> {
                out.put("deployment", "deployed by the devnet faucet (no owner signature)");
                out.put("deploymentTx", f.transactionHash());
            }
            case Deployment.ByOwner o -> {
                out.put("deployment", "deployed by one owner-signed operation");
                out.put("deploymentTx", o.transactionHash());
            }
        }
        return out;
    }

    /** Raw units as a plain decimal without grouping (machine-friendly, exact). */
    static String plain(BigInteger raw, int decimals) {
        return Amounts.format(raw, decimals).replace(",", "");
    }
}
