package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Address;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Token;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The policy editor: time frame (dates and times in the user's zone, presets 1 day / 1 week), operation cap, rate
 * limit, total ETH value, gas-cost cap and per-token spending caps. Empty fields mean "no limit".
 */
public final class LimitsViewModel {

    /** Periods offered for token caps and rate limits, in seconds. */
    public static final List<Long> PERIODS = List.of(3_600L, 86_400L, 604_800L);

    private final SessionBuilderViewModel owner;
    private final ObjectProperty<LocalDate> startDate = new SimpleObjectProperty<>(this, "startDate");
    private final StringProperty startTime = new SimpleStringProperty(this, "startTime", "00:00");
    private final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>(this, "endDate");
    private final StringProperty endTime = new SimpleStringProperty(this, "endTime", "00:00");
    private final BooleanProperty noExpiry = new SimpleBooleanProperty(this, "noExpiry", false);
    private final StringProperty maxOperations = new SimpleStringProperty(this, "maxOperations", "");
    private final StringProperty rateUses = new SimpleStringProperty(this, "rateUses", "");
    private final ObjectProperty<Long> rateInterval = new SimpleObjectProperty<>(this, "rateInterval", 3_600L);
    private final StringProperty ethTotal = new SimpleStringProperty(this, "ethTotal", "");
    private final StringProperty gasCap = new SimpleStringProperty(this, "gasCap", "");
    private final ObjectProperty<Long> period = new SimpleObjectProperty<>(this, "period", 86_400L);
    private final ObservableList<TokenCapRowViewModel> tokenCaps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper timeHint = new ReadOnlyStringWrapper(this, "timeHint", "");
    private final ReadOnlyStringWrapper operationsHint = new ReadOnlyStringWrapper(this, "operationsHint", "");
    private final ReadOnlyStringWrapper rateHint = new ReadOnlyStringWrapper(this, "rateHint", "");
    private final ReadOnlyStringWrapper ethHint = new ReadOnlyStringWrapper(this, "ethHint", "");
    private final ReadOnlyStringWrapper gasHint = new ReadOnlyStringWrapper(this, "gasHint", "");

    LimitsViewModel(SessionBuilderViewModel owner) {
        this.owner = owner;
        for (javafx.beans.Observable o : List.of(startDate, startTime, endDate, endTime, noExpiry, maxOperations, rateUses, rateInterval,
                ethTotal, gasCap, period)) {
            o.addListener(x -> changed());
        }
    }

    void changed() {
        owner.recompute();
    }

    /** Valid from now for one day. */
    public void onOneDay() {
        preset(86_400);
    }

    /** Valid from now for one week. */
    public void onOneWeek() {
        preset(7 * 86_400);
    }

    private void preset(long seconds) {
        long now = owner.context().clock().instant().getEpochSecond();
        owner.batch(() -> {
            noExpiry.set(false);
            setStart(now);
            setEnd(now + seconds);
        });
    }

    public void onAddTokenCap() {
        TokenCapRowViewModel row = new TokenCapRowViewModel(this);
        tokenCaps.add(row);
        changed();
    }

    void removeCap(TokenCapRowViewModel row) {
        tokenCaps.remove(row);
        changed();
    }

    void load(SessionSpec.LimitsSpec l) {
        setStart(l.validAfter() == 0 ? owner.context().clock().instant().getEpochSecond() : l.validAfter());
        noExpiry.set(l.validUntil() == 0);
        if (l.validUntil() != 0) setEnd(l.validUntil());
        maxOperations.set(l.maxOperations().map(BigInteger::toString).orElse(""));
        rateUses.set(l.rate().map(r -> Long.toString(r.maxUses())).orElse(""));
        l.rate().ifPresent(r -> rateInterval.set(r.intervalSeconds()));
        ethTotal.set(l.ethValueTotal().map(v -> Amounts.format(v, 18).replace(",", "")).orElse(""));
        gasCap.set(l.gasCostTotal().map(v -> Amounts.format(v, 18).replace(",", "")).orElse(""));
        period.set(l.period());
        tokenCaps.clear();
        for (SessionSpec.TokenCap c : l.tokenCaps()) {
            TokenCapRowViewModel row = new TokenCapRowViewModel(this);
            row.load(c, tokenAt(c.token()));
            tokenCaps.add(row);
        }
    }

    private void setStart(long epochSecond) {
        ZonedDateTime t = Instant.ofEpochSecond(epochSecond).atZone(owner.context().zone());
        startDate.set(t.toLocalDate());
        startTime.set(time(t.toLocalTime()));
    }

    private void setEnd(long epochSecond) {
        ZonedDateTime t = Instant.ofEpochSecond(epochSecond).atZone(owner.context().zone());
        endDate.set(t.toLocalDate());
        endTime.set(time(t.toLocalTime()));
    }

    private static String time(LocalTime t) {
        return t.getSecond() == 0 ? String.format("%02d:%02d", t.getHour(), t.getMinute())
                : String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    }

    Parsed<SessionSpec.LimitsSpec> parse() {
        boolean ok = true;
        Parsed<Long> start = instant(startDate.get(), startTime.get(), "Start");
        Parsed<Long> end = noExpiry.get() ? Parsed.ok(0L) : instant(endDate.get(), endTime.get(), "End");
        String time = !start.isOk() ? start.error() : !end.isOk() ? end.error()
                : end.get() != 0 && end.get() <= start.get() ? "The end must be after the start." : "";
        if (time.isEmpty() && end.isOk() && end.get() != 0) {
            long days = (end.get() - start.get()) / 86_400;
            time = "Valid for " + (days >= 1 ? days + (days == 1 ? " day" : " days") : ((end.get() - start.get()) / 3600) + " hours")
                    + " until " + dev.latchkey.ui.builder.SessionExposure.when(end.get(), owner.context().zone()) + ".";
        } else if (time.isEmpty()) {
            time = "No expiry: the session stays valid until revoked.";
        }
        timeHint.set(time);
        ok &= start.isOk() && end.isOk() && (end.get() == 0 || end.get() > start.get());
        Parsed<Optional<Long>> ops = Inputs.optionalCount(maxOperations.get(), Long.MAX_VALUE);
        operationsHint.set(ops.isOk() ? ops.get().map(n -> "").orElse("No cap on the number of operations.") : ops.error());
        Parsed<Optional<Long>> rate = Inputs.optionalCount(rateUses.get(), 0xffff_ffffL);
        rateHint.set(rate.error());
        Parsed<Optional<BigInteger>> eth = Inputs.optionalEth(ethTotal.get(), true);
        ethHint.set(eth.isOk() ? eth.get().map(v -> "").orElse("Per-call ETH values are set on each function (0 by default).") : eth.error());
        Parsed<Optional<BigInteger>> gas = Inputs.optionalEth(gasCap.get(), true);
        gasHint.set(gas.isOk() ? gas.get().map(v -> "").orElse("Gas cost is not capped: a stolen key could waste ETH on gas.") : gas.error());
        List<SessionSpec.TokenCap> caps = new ArrayList<>();
        for (TokenCapRowViewModel row : tokenCaps) {
            Parsed<SessionSpec.TokenCap> c = row.parse();
            c.value().ifPresent(caps::add);
            ok &= c.isOk();
        }
        ok &= ops.isOk() && rate.isOk() && eth.isOk() && gas.isOk();
        if (!ok) return Parsed.error("invalid");
        return Parsed.ok(new SessionSpec.LimitsSpec(start.get(), end.get(), ops.get().map(BigInteger::valueOf),
                rate.get().map(n -> new SessionSpec.RateSpec(n, rateInterval.get())), eth.get(), gas.get(), period.get(), caps));
    }

    private Parsed<Long> instant(LocalDate date, String time, String which) {
        if (date == null) return Parsed.error(which + ": pick a date.");
        try {
            LocalTime t = LocalTime.parse(time == null ? "" : time.trim());
            return Parsed.ok(date.atTime(t).atZone(owner.context().zone()).toEpochSecond());
        } catch (DateTimeParseException e) {
            return Parsed.error(which + " time: write HH:mm, e.g. 08:30.");
        }
    }

    Parsed<Address> parseAddress(String text) {
        return owner.parseAddress(text);
    }

    Optional<Token> tokenAt(Address a) {
        return owner.context().network().tokenAt(a);
    }

    public ObjectProperty<LocalDate> startDateProperty() { return startDate; }
    public StringProperty startTimeProperty() { return startTime; }
    public ObjectProperty<LocalDate> endDateProperty() { return endDate; }
    public StringProperty endTimeProperty() { return endTime; }
    public BooleanProperty noExpiryProperty() { return noExpiry; }
    public StringProperty maxOperationsProperty() { return maxOperations; }
    public StringProperty rateUsesProperty() { return rateUses; }
    public ObjectProperty<Long> rateIntervalProperty() { return rateInterval; }
    public StringProperty ethTotalProperty() { return ethTotal; }
    public StringProperty gasCapProperty() { return gasCap; }
    public ObjectProperty<Long> periodProperty() { return period; }
    public ObservableList<TokenCapRowViewModel> tokenCaps() { return tokenCaps; }
    public ReadOnlyStringProperty timeHintProperty() { return timeHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty operationsHintProperty() { return operationsHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty rateHintProperty() { return rateHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty ethHintProperty() { return ethHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty gasHintProperty() { return gasHint.getReadOnlyProperty(); }
}
