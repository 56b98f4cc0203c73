package dev.latchkey.cli;

import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.wallet.AavePosition;
import dev.latchkey.wallet.AccountView;
import dev.latchkey.wallet.Deployment;
import dev.latchkey.wallet.Revocation;
import dev.latchkey.wallet.SessionView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** One session; {@code full} adds the review lines. */
    static Map<String, Object> session(SessionView v, boolean full) {
        Map<String, Object> out = Output.result();
        out.put("session", v.permissionId().hex());
        out.put("label", v.label());
        out.put("status", v.state().text());
        out.put("account", v.account().checksummed());
        out.put("sessionKey", v.sessionKey().checksummed());
        out.put("validFrom", Instant.ofEpochSecond(v.validAfter()).toString());
        out.put("validUntil", Instant.ofEpochSecond(v.validUntil()).toString());
        v.uses().ifPresent(u -> out.put("usesLeft", u.left() + " of " + u.limit()));
        List<Map<String, Object>> spending = new ArrayList<>();
        for (SessionView.Spend sp : v.spending()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("token", sp.symbol());
            line.put("per", sp.periodSeconds().map(Views::period).orElse("session"));
            line.put("limit", plain(sp.limit(), sp.decimals()));
            line.put("spent", plain(sp.spent(), sp.decimals()));
            line.put("left", plain(sp.left(), sp.decimals()));
            spending.add(line);
        }
        out.put("spending", spending);
        if (full) {
            List<String> totals = new ArrayList<>();
            v.ruleTotals().forEach(u -> totals.add(u.what() + ": " + u.used() + " of " + u.limit()));
            out.put("ruleTotals", totals);
            List<String> calls = new ArrayList<>();
            v.callLimits().forEach(m -> calls.add(m.function() + ": " + m.used() + " of " + m.limit() + " calls "
                    + m.periodSeconds().map(p -> "per " + period(p)).orElse("in total")));
            out.put("callLimits", calls);
            v.gasCostWei().ifPresent(g -> out.put("gasCostEth", plain(g.used(), 18) + " of " + plain(g.limit(), 18)));
            out.put("review", v.review());
        }
        return out;
    }

    /** "1 day(s)", "3600 s". */
    private static String period(long seconds) {
        return seconds % 86_400 == 0 ? (seconds / 86_400) + " day(s)" : seconds + " s";
    }

    static Map<String, Object> revocation(Revocation r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session", r.permissionId().hex());
        out.put("revoked", r.how().text());
        r.transactionHash().ifPresent(h -> out.put("transaction", h));
        out.put("keyWiped", r.keyWiped());
        return out;
    }

    /** One JSON object on one line. */
    static String json(Map<String, ?> value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Raw units as a plain decimal without grouping (machine-friendly, exact). */
    static String plain(BigInteger raw, int decimals) {
        return Amounts.format(raw, decimals).replace(",", "");
    }
}
