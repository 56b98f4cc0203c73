package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.UInt;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Conditions;
import dev.latchkey.trade.catalog.Token;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One argument rule of an action: which argument (by name from the ABI, or a raw word offset), the condition, and
 * the value in the argument's units (token amounts in tokens, addresses by name), with an optional total over all
 * uses. Parsing and the reason shown next to the field live here; the owning action supplies the argument list and
 * resolves an amount's token.
 */
public final class RuleRowViewModel {

    /** The conditions in on-chain order with the symbol shown to the user. */
    public static String symbol(ParamCondition c) {
        return switch (c) {
            case EQUAL -> "=";
            case GREATER_THAN -> ">";
            case LESS_THAN -> "<";
            case GREATER_THAN_OR_EQUAL -> "≥";
            case LESS_THAN_OR_EQUAL -> "≤";
            case NOT_EQUAL -> "≠";
            case IN_RANGE -> "between";
        };
    }

    private final ActionRowViewModel action;
    private final ObservableList<String> argumentChoices = FXCollections.observableArrayList();
    private final StringProperty argument = new SimpleStringProperty(this, "argument", "");
    private final ObjectProperty<ParamCondition> condition = new SimpleObjectProperty<>(this, "condition", ParamCondition.EQUAL);
    private final ObservableList<ParamCondition> conditionChoices = FXCollections.observableArrayList(ParamCondition.values());
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final StringProperty max = new SimpleStringProperty(this, "max", "");
    private final StringProperty total = new SimpleStringProperty(this, "total", "");
    private final ReadOnlyStringWrapper unit = new ReadOnlyStringWrapper(this, "unit", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");

    RuleRowViewModel(ActionRowViewModel action) {
        this.action = action;
        Runnable changed = action::changed;
        argument.addListener((o, a, b) -> changed.run());
        condition.addListener((o, a, b) -> changed.run());
        value.addListener((o, a, b) -> changed.run());
        max.addListener((o, a, b) -> changed.run());
        total.addListener((o, a, b) -> changed.run());
    }

    /** Fills the row from an existing rule, showing values in the argument's units. */
    void load(ParamRule r, FunctionShape shape) {
        Optional<FunctionShape.Arg> arg = shape.argAt(r.calldataOffset().longValue());
        argument.set(arg.map(FunctionShape.Arg::name).orElse("word at " + r.calldataOffset()));
        condition.set(r.condition());
        Optional<Token> unitToken = arg.flatMap(action::unitToken);
        if (r.condition() == ParamCondition.IN_RANGE) {
            value.set(display(r.referenceValue().shiftRight(128), arg, unitToken));
            max.set(display(r.referenceValue().and(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)), arg, unitToken));
        } else {
            value.set(display(r.referenceValue(), arg, unitToken));
        }
        total.set(r.usageLimit().map(l -> display(l, arg, unitToken)).orElse(""));
    }

    private String display(BigInteger v, Optional<FunctionShape.Arg> arg, Optional<Token> token) {
        if (arg.isPresent() && arg.get().isAddress() && v.bitLength() <= 160) return action.addressName(Address.of(UInt.toBytes(v, 20)));
        return token.map(t -> Amounts.format(v, t.decimals()).replace(",", "")).orElse(v.toString());
    }

    /** The rule, or why it is not one yet (also published as {@link #hintProperty()}). */
    Parsed<ParamRule> parse() {
        Parsed<ParamRule> p = parseUnchecked();
        hint.set(p.error());
        return p;
    }

    private Parsed<ParamRule> parseUnchecked() {
        FunctionShape shape = action.shape().orElse(null);
        Optional<FunctionShape.Arg> arg = shape == null ? Optional.empty() : shape.arg(argument.get());
        long offset;
        int bits;
        if (arg.isPresent()) {
            if (!arg.get().ruleSafe()) return Parsed.error(arg.get().name() + " sits behind an ABI offset; a rule on it could be bypassed.");
            if (arg.get().bits() == 0) return Parsed.error(arg.get().name() + " (" + arg.get().type() + ") cannot be compared.");
            offset = arg.get().offset();
            bits = arg.get().bits() == 1 ? 8 : arg.get().bits();
        } else {
            Parsed<Long> raw = rawOffset(argument.get());
            if (!raw.isOk()) return Parsed.error(raw.error());
            offset = raw.get();
            bits = 256;
        }
        Optional<String> type = arg.map(FunctionShape.Arg::type);
        List<ParamCondition> allowed = Conditions.allowed(type);
        if (!conditionChoices.equals(allowed)) {
            // a bound choice box clears its value when its items are replaced: keep the owner's condition
            ParamCondition chosen = condition.get();
            conditionChoices.setAll(allowed);
            if (chosen != null && condition.get() != chosen) condition.set(chosen);
        }
        if (condition.get() == null) return Parsed.error("Choose a condition.");
        Optional<String> meaningless = Conditions.refusal(arg.map(FunctionShape.Arg::name).orElse("this word"), type, condition.get());
        if (meaningless.isPresent()) return Parsed.error(capitalized(meaningless.get()) + ".");
        Optional<Token> token = arg.flatMap(action::unitToken);
        unit.set(arg.map(a -> a.isAddress() ? "address" : token.map(Token::symbol).orElse(a.type())).orElse("uint256 word"));
        boolean range = condition.get() == ParamCondition.IN_RANGE;
        Parsed<BigInteger> ref = value(value.get(), arg, token, range ? 128 : bits);
        if (!ref.isOk()) return Parsed.error(ref.error());
        BigInteger reference = ref.get();
        if (range) {
            Parsed<BigInteger> hi = value(max.get(), arg, token, 128);
            if (!hi.isOk()) return Parsed.error("Upper bound: " + hi.error());
            if (hi.get().compareTo(reference) < 0) return Parsed.error("The upper bound is below the lower bound.");
            reference = reference.shiftLeft(128).or(hi.get());
        }
        Parsed<Optional<BigInteger>> limit = Inputs.optionalAmount(total.get(), token, 256, true);
        if (!limit.isOk()) return Parsed.error("Total: " + limit.error());
        if (limit.get().isPresent() && arg.map(FunctionShape.Arg::isAddress).orElse(false)) {
            return Parsed.error("A total only makes sense for amounts, not addresses.");
        }
        return Parsed.ok(new ParamRule(condition.get(), BigInteger.valueOf(offset), reference, limit.get()));
    }

    private Parsed<BigInteger> value(String text, Optional<FunctionShape.Arg> arg, Optional<Token> token, int bits) {
        if (arg.isPresent() && arg.get().isAddress()) {
            return action.parseAddress(text).map(a -> new BigInteger(1, a.bytes()));
        }
        return Inputs.amount(text, token, bits);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Parsed<Long> rawOffset(String text) {
        String t = text == null ? "" : text.trim().replace("word at ", "");
        try {
            if (!t.matches("[0-9]{1,12}")) throw new NumberFormatException(t);
            long v = Long.parseLong(t);
            if (v < 0 || v % 32 != 0) return Parsed.error("A word offset is a multiple of 32 (0 = first argument).");
            return Parsed.ok(v);
        } catch (NumberFormatException e) {
            return Parsed.error("Pick an argument.");
        }
    }

    void setChoices(List<String> names) {
        if (!argumentChoices.equals(names)) argumentChoices.setAll(names);
        if (argument.get().isEmpty() && !names.isEmpty()) argument.set(names.get(0));
    }

    public ObservableList<String> argumentChoices() { return argumentChoices; }
    public StringProperty argumentProperty() { return argument; }
    public ObjectProperty<ParamCondition> conditionProperty() { return condition; }
    /** The conditions that mean something for the chosen argument's type (= and ≠ only, unless it is an amount). */
    public ObservableList<ParamCondition> conditionChoices() { return conditionChoices; }
    public StringProperty valueProperty() { return value; }
    public StringProperty maxProperty() { return max; }
    public StringProperty totalProperty() { return total; }
    public ReadOnlyStringProperty unitProperty() { return unit.getReadOnlyProperty(); }
    public ReadOnlyStringProperty hintProperty() { return hint.getReadOnlyProperty(); }

    /** Removes this rule from its action. */
    public void onRemove() {
        action.removeRule(this);
    }
}
