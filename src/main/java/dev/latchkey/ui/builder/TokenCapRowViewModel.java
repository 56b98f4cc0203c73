package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Address;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Token;
import java.math.BigInteger;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A spending cap on one token: per period (refilled) and/or in total, in the token's units. */
public final class TokenCapRowViewModel {

    private final LimitsViewModel limits;
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final StringProperty perPeriod = new SimpleStringProperty(this, "perPeriod", "");
    private final StringProperty total = new SimpleStringProperty(this, "total", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");

    TokenCapRowViewModel(LimitsViewModel limits) {
        this.limits = limits;
        token.addListener((o, a, b) -> limits.changed());
        perPeriod.addListener((o, a, b) -> limits.changed());
        total.addListener((o, a, b) -> limits.changed());
    }

    void load(SessionSpec.TokenCap cap, Optional<Token> t) {
        token.set(t.map(Token::symbol).orElse(cap.token().checksummed()));
        perPeriod.set(cap.perPeriod().map(v -> plain(v, t)).orElse(""));
        total.set(cap.total().map(v -> plain(v, t)).orElse(""));
    }

    private static String plain(BigInteger v, Optional<Token> t) {
        return t.map(x -> Amounts.format(v, x.decimals()).replace(",", "")).orElse(v.toString());
    }

    Parsed<SessionSpec.TokenCap> parse() {
        Parsed<SessionSpec.TokenCap> p = parseUnchecked();
        hint.set(p.error());
        return p;
    }

    private Parsed<SessionSpec.TokenCap> parseUnchecked() {
        Parsed<Address> a = limits.parseAddress(token.get());
        if (!a.isOk()) return Parsed.error(a.error());
        Optional<Token> t = limits.tokenAt(a.get());
        if (t.isEmpty()) return Parsed.error("Not a token of this network: amounts are taken as raw units.");
        Parsed<Optional<BigInteger>> per = Inputs.optionalAmount(perPeriod.get(), t, 256, true);
        if (!per.isOk()) return Parsed.error("Per period: " + per.error());
        Parsed<Optional<BigInteger>> all = Inputs.optionalAmount(total.get(), t, 256, true);
        if (!all.isOk()) return Parsed.error("Total: " + all.error());
        if (per.get().isEmpty() && all.get().isEmpty()) return Parsed.error("Enter a cap per period, in total, or both.");
        return Parsed.ok(new SessionSpec.TokenCap(a.get(), per.get(), all.get()));
    }

    public void onRemove() {
        limits.removeCap(this);
    }

    public StringProperty tokenProperty() { return token; }
    public StringProperty perPeriodProperty() { return perPeriod; }
    public StringProperty totalProperty() { return total; }
    public ReadOnlyStringProperty hintProperty() { return hint.getReadOnlyProperty(); }
}
