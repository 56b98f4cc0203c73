package dev.latchkey.ui.activity;

import dev.latchkey.session.model.Address;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.ui.common.Formats;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cumulative spend over time of one session in one token, from its included operations (what the signer reserved
 * and settled for each). A series starts at zero at its first operation's time.
 */
public record SpendSeries(String name, String session, String symbol, List<Point> points) {

    public SpendSeries {
        points = List.copyOf(points);
    }

    /** Cumulative amount (token units) after the operation at {@code at}. */
    public record Point(Instant at, BigDecimal total) {
    }

    public BigDecimal total() {
        return points.isEmpty() ? BigDecimal.ZERO : points.get(points.size() - 1).total();
    }

    public static List<SpendSeries> of(List<ActivityRow> rows, TradeNetwork network) {
        Map<String, List<ActivityRow>> bySeries = new LinkedHashMap<>();
        List<ActivityRow> included = rows.stream().filter(r -> r.status() == ActivityRow.Status.INCLUDED && !r.session().isEmpty())
                .sorted(Comparator.comparing(ActivityRow::at)).toList();
        for (ActivityRow r : included) {
            for (String token : r.amounts().keySet()) {
                if (token.startsWith("0x")) {
                    bySeries.computeIfAbsent(r.session() + "|" + token, k -> new ArrayList<>()).add(r);
                }
            }
        }
        List<SpendSeries> out = new ArrayList<>();
        bySeries.forEach((key, list) -> {
            String session = key.substring(0, key.indexOf('|'));
            String token = key.substring(key.indexOf('|') + 1);
            Optional<Token> t = network.tokenAt(new Address(token));
            boolean nativeValue = new Address(token).equals(Address.ZERO);
            String symbol = nativeValue ? "ETH" : t.map(Token::symbol).orElse(Formats.shortHex(token));
            int decimals = nativeValue ? 18 : t.map(Token::decimals).orElse(0);
            List<Point> points = new ArrayList<>();
            BigInteger sum = BigInteger.ZERO;
            for (ActivityRow r : list) {
                sum = sum.add(r.amounts().get(token));
                points.add(new Point(r.at(), new BigDecimal(sum, decimals)));
            }
            String label = list.get(0).sessionLabel();
            out.add(new SpendSeries((label.isEmpty() ? "session " + Formats.shortHex(session) : label) + " · " + symbol,
                    session, symbol, points));
        });
        return out;
    }
}
