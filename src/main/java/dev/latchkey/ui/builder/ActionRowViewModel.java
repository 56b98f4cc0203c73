package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.UInt;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.trade.catalog.CatalogFunction;
import dev.latchkey.trade.catalog.ContractKind;
import dev.latchkey.trade.catalog.Targets;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.session.model.FieldException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One allowed function in the builder: the contract (fixed for Uniswap/Aave, a token for ERC-20 actions, any
 * address for a custom action), the function (from the catalog, or a selector / signature typed in), the native
 * value allowed per call, and its argument rules.
 */
public final class ActionRowViewModel {

    private final SessionBuilderViewModel owner;
    private final Optional<CatalogFunction> catalogFunction;
    private final boolean targetEditable;
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final StringProperty function = new SimpleStringProperty(this, "function", "");
    private final StringProperty ethPerCall = new SimpleStringProperty(this, "ethPerCall", "0");
    private final ObservableList<RuleRowViewModel> rules = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper targetHint = new ReadOnlyStringWrapper(this, "targetHint", "");
    private final ReadOnlyStringWrapper functionHint = new ReadOnlyStringWrapper(this, "functionHint", "");
    private final ReadOnlyStringWrapper ethHint = new ReadOnlyStringWrapper(this, "ethHint", "");
    private final ReadOnlyStringWrapper rulesHint = new ReadOnlyStringWrapper(this, "rulesHint", "");
    private Optional<FunctionShape> shape = Optional.empty();
    private boolean loading;

    ActionRowViewModel(SessionBuilderViewModel owner, Optional<CatalogFunction> fn, String targetText, boolean targetEditable) {
        this.owner = owner;
        this.catalogFunction = fn;
        this.targetEditable = targetEditable;
        target.set(targetText);
        fn.ifPresent(f -> function.set(f.signature()));
        target.addListener((o, a, b) -> changed());
        function.addListener((o, a, b) -> changed());
        ethPerCall.addListener((o, a, b) -> changed());
    }

    void changed() {
        if (!loading) owner.recompute();
    }

    void withoutRecompute(Runnable r) {
        loading = true;
        try {
            r.run();
        } finally {
            loading = false;
        }
    }

    /** Adds an empty rule on the first argument without one. */
    public void onAddRule() {
        RuleRowViewModel r = new RuleRowViewModel(this);
        r.setChoices(argumentNames());
        List<String> used = rules.stream().map(x -> x.argumentProperty().get()).toList();
        argumentNames().stream().filter(n -> !used.contains(n)).findFirst().ifPresent(n -> r.argumentProperty().set(n));
        rules.add(r);
        changed();
    }

    /** Adds a rule filled from {@code rule} (templates, imports). */
    void addRule(ParamRule rule) {
        RuleRowViewModel r = new RuleRowViewModel(this);
        withoutRecompute(() -> {
            r.setChoices(argumentNames());
            r.load(rule, shape.orElse(FunctionShape.bareSelector(currentSelector())));
            rules.add(r);
        });
    }

    void removeRule(RuleRowViewModel r) {
        rules.remove(r);
        changed();
    }

    /** Removes this action from the session. */
    public void onRemove() {
        owner.removeAction(this);
    }

    /** Parses the row, updating every hint; empty when some field is invalid. */
    Parsed<SessionSpec.ActionSpec> parse() {
        Parsed<Address> t = targetAddress();
        targetHint.set(t.isOk() ? targetDescription(t.get()) : t.error());
        Parsed<FunctionShape> f = catalogFunction.map(FunctionShape::of).map(Parsed::ok).orElseGet(() -> Inputs.function(function.get()));
        shape = f.value();
        functionHint.set(f.isOk() ? f.get().signature().map(s -> "selector " + f.get().selector().hex() + " = " + s)
                .orElse("Rules address raw 32-byte words by offset (no argument names without a signature).") : f.error());
        title.set(t.value().map(a -> owner.addressName(a)).orElse(target.get().isBlank() ? "?" : target.get().trim())
                + " · " + shape.map(FunctionShape::name).orElse("?"));
        rules.forEach(r -> r.setChoices(argumentNames()));
        Parsed<Optional<BigInteger>> eth = Inputs.optionalEth(ethPerCall.get(), false);
        ethHint.set(eth.isOk() ? "" : eth.error());
        List<ParamRule> parsed = new ArrayList<>();
        boolean rulesOk = true;
        for (RuleRowViewModel r : rules) {
            Parsed<ParamRule> p = r.parse();
            p.value().ifPresent(parsed::add);
            rulesOk &= p.isOk();
        }
        rulesHint.set(rules.isEmpty() ? "No rules: ANY arguments are allowed (unrestricted). Add a rule per argument that matters."
                : rules.size() > 16 ? "At most 16 rules per function." : "");
        if (!t.isOk() || !f.isOk() || !eth.isOk() || !rulesOk || rules.size() > 16) return Parsed.error("invalid");
        return Parsed.ok(new SessionSpec.ActionSpec(t.get(), f.get().selector(), eth.get().orElse(BigInteger.ZERO), parsed));
    }

    private Parsed<Address> targetAddress() {
        Parsed<Address> p = owner.parseAddress(target.get());
        if (!p.isOk()) return p;
        try {
            Targets.requireAllowed("target", p.get(), owner.context().account(), owner.context().network());
        } catch (FieldException e) {
            return Parsed.error(Inputs.sentence(e));
        }
        if (catalogFunction.isPresent() && !catalogFunction.get().contract().isAt(p.get(), owner.context().network())) {
            return Parsed.error("Not the " + catalogFunction.get().contract().label() + " of " + owner.context().network().name() + ".");
        }
        return p;
    }

    private String targetDescription(Address a) {
        return a.checksummed() + owner.context().network().label(a).map(l -> " (" + l + ")").orElse("");
    }

    private dev.latchkey.session.model.Selector currentSelector() {
        return shape.map(FunctionShape::selector).orElse(dev.latchkey.session.model.Selector.FALLBACK);
    }

    /** Loads the shape once from the typed text (before rules are added from a template). */
    void refreshShape() {
        shape = catalogFunction.map(FunctionShape::of).or(() -> Inputs.function(function.get()).value());
    }

    List<String> argumentNames() {
        if (shape.isPresent() && !shape.get().args().isEmpty()) {
            return shape.get().args().stream().filter(a -> a.ruleSafe() && a.bits() > 0).map(FunctionShape.Arg::name).toList();
        }
        return IntStream.range(0, 8).mapToObj(i -> "word at " + 32 * i).toList();
    }

    Optional<FunctionShape> shape() {
        return shape;
    }

    /** The token an amount argument is counted in: the target token, or the token another rule pins its address to. */
    Optional<Token> unitToken(FunctionShape.Arg arg) {
        if (arg.unitOf().isEmpty()) return Optional.empty();
        String unitOf = arg.unitOf().get();
        if (unitOf.equals("target")) return owner.parseAddress(target.get()).value().flatMap(a -> owner.context().network().tokenAt(a));
        Optional<FunctionShape.Arg> pinned = shape.flatMap(s -> s.arg(unitOf));
        if (pinned.isEmpty()) return Optional.empty();
        return rules.stream().filter(r -> r.argumentProperty().get().equals(unitOf) && r.conditionProperty().get() == ParamCondition.EQUAL)
                .findFirst().flatMap(r -> owner.parseAddress(r.valueProperty().get()).value())
                .flatMap(a -> owner.context().network().tokenAt(a));
    }

    Parsed<Address> parseAddress(String text) {
        return owner.parseAddress(text);
    }

    String addressName(Address a) {
        return owner.addressName(a);
    }

    static BigInteger word(Address a) {
        return new BigInteger(1, a.bytes());
    }

    static Address address(BigInteger word) {
        return Address.of(UInt.toBytes(word, 20));
    }

    public boolean isTargetEditable() { return targetEditable; }
    public boolean isCustom() { return catalogFunction.isEmpty(); }
    public Optional<ContractKind> contract() { return catalogFunction.map(CatalogFunction::contract); }
    public StringProperty targetProperty() { return target; }
    public StringProperty functionProperty() { return function; }
    public StringProperty ethPerCallProperty() { return ethPerCall; }
    public ObservableList<RuleRowViewModel> rules() { return rules; }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyStringProperty targetHintProperty() { return targetHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty functionHintProperty() { return functionHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty ethHintProperty() { return ethHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty rulesHintProperty() { return rulesHint.getReadOnlyProperty(); }
}
