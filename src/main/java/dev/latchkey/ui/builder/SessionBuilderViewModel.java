package dev.latchkey.ui.builder;

import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.wallet.OperationDeadlines;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.CatalogFunction;
import dev.latchkey.trade.catalog.ContractKind;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionBounds;
import dev.latchkey.trade.template.SessionTemplates;
import dev.latchkey.trade.template.TemplateContext;
import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.UserMessages;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The session builder: owners, allowed functions with argument rules, session-wide limits, templates as starting
 * points, and a live summary and worst case. Every change re-parses the form (reasons next to the fields) and
 * compiles a preview {@link WalletSession}; "Review" generates the session key in the vault and hands the exact
 * on-chain session to the approve screen.
 */
public final class SessionBuilderViewModel implements Activatable {

    /** Who signs with the session. */
    public enum OwnersMode { NEW_KEY, MULTISIG, CUSTOM }

    /** Stands in for the session key until review generates the real one; only the preview uses it. */
    static final Address PREVIEW_KEY = new Address("0x00000000000000000000000000000000000beef1");

    private final BuilderContext context;
    private final SessionKeys keys;
    private final Supplier<HexBytes> salts;
    private final AsyncAction review;
    private final Consumer<ApprovalRequest> onReview;

    private final ObjectProperty<Template> template = new SimpleObjectProperty<>(this, "template", Template.UNISWAP_SWAP);
    private final StringProperty templateRecipient = new SimpleStringProperty(this, "templateRecipient", "");
    /** The person's name for the session, shown in every list; a template fills it while it is empty or untouched. */
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ReadOnlyStringWrapper nameHint = new ReadOnlyStringWrapper(this, "nameHint", "");
    private String templateName = "";
    private final ObjectProperty<OwnersMode> ownersMode = new SimpleObjectProperty<>(this, "ownersMode", OwnersMode.NEW_KEY);
    private final BooleanProperty includeNewKey = new SimpleBooleanProperty(this, "includeNewKey", true);
    private final StringProperty otherOwners = new SimpleStringProperty(this, "otherOwners", "");
    private final StringProperty threshold = new SimpleStringProperty(this, "threshold", "1");
    private final StringProperty validator = new SimpleStringProperty(this, "validator", "");
    private final StringProperty validatorInitData = new SimpleStringProperty(this, "validatorInitData", "0x");
    private final ObservableList<ActionRowViewModel> actions = FXCollections.observableArrayList();
    private final BooleanProperty anyCall = new SimpleBooleanProperty(this, "anyCall", false);
    private final BooleanProperty confirmUnrestricted = new SimpleBooleanProperty(this, "confirmUnrestricted", false);
    private final LimitsViewModel limits;

    private final ReadOnlyStringWrapper templateHint = new ReadOnlyStringWrapper(this, "templateHint", "");
    private final ReadOnlyStringWrapper ownersHint = new ReadOnlyStringWrapper(this, "ownersHint", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper exposure = new ReadOnlyStringWrapper(this, "exposure", "");
    private final ReadOnlyBooleanWrapper unrestricted = new ReadOnlyBooleanWrapper(this, "unrestricted");
    private final ReadOnlyStringWrapper unrestrictedReasons = new ReadOnlyStringWrapper(this, "unrestrictedReasons", "");
    private final ReadOnlyBooleanWrapper canReview = new ReadOnlyBooleanWrapper(this, "canReview");
    private final ReadOnlyStringWrapper reviewHint = new ReadOnlyStringWrapper(this, "reviewHint", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private Optional<SessionSpec> spec = Optional.empty();
    private int batchDepth;

    public SessionBuilderViewModel(BuilderContext context, SessionKeys keys, Supplier<HexBytes> salts, AsyncAction review,
                                   Consumer<ApprovalRequest> onReview) {
        this.context = Objects.requireNonNull(context);
        this.keys = Objects.requireNonNull(keys);
        this.salts = Objects.requireNonNull(salts);
        this.review = Objects.requireNonNull(review);
        this.onReview = Objects.requireNonNull(onReview);
        this.limits = new LimitsViewModel(this);
        for (javafx.beans.Observable o : List.of(ownersMode, includeNewKey, otherOwners, threshold, validator, validatorInitData, anyCall,
                confirmUnrestricted, templateRecipient, name)) {
            o.addListener(x -> recompute());
        }
        review.runningProperty().addListener((o, a, b) -> recompute());
        batch(limits::onOneWeek);
    }

    @Override
    public void activate() {
        recompute();
    }

    @Override
    public void deactivate() {
        // nothing subscribed outside this object
    }

    // ---- templates and the action picker

    /** Replaces the form with the selected template (default parameters), to edit from there. */
    public void onApplyTemplate() {
        try {
            Address recipient = template.get().needsRecipient()
                    ? parseAddress(templateRecipient.get()).value().orElseThrow(() -> new FieldException("recipient", "enter the recipient's address first"))
                    : context.account();
            long now = context.clock().instant().getEpochSecond();
            TemplateContext tc = new TemplateContext(context.network(), context.account(), PREVIEW_KEY, HexBytes.zeros(32), context.policyAddresses(),
                    context.sessionValidator());
            WalletSession ws = SessionTemplates.build(template.get().build(recipient), SessionBounds.of(now, Template.DAYS), tc).wallet();
            load(SessionCompiler.fromWallet(ws, PREVIEW_KEY, context.sessionValidator()));
            if (name.get().isBlank() || name.get().equals(templateName)) name.set(template.get().title());
            templateName = template.get().title();
            templateHint.set("Loaded \"" + template.get().title() + "\". Edit anything below; the summary follows.");
        } catch (FieldException e) {
            templateHint.set(Inputs.sentence(e));
        }
    }

    /** Fills the form from {@code s} (a template's spec, or one to edit). */
    public void load(SessionSpec s) {
        batch(() -> {
            switch (s.owners()) {
                case SessionSpec.OwnersSpec.NewKey n -> ownersMode.set(OwnersMode.NEW_KEY);
                case SessionSpec.OwnersSpec.Multisig m -> {
                    ownersMode.set(OwnersMode.MULTISIG);
                    includeNewKey.set(m.includeNewKey());
                    otherOwners.set(String.join("\n", m.others().stream().map(Address::checksummed).toList()));
                    threshold.set(Integer.toString(m.threshold()));
                }
                case SessionSpec.OwnersSpec.Custom c -> {
                    ownersMode.set(OwnersMode.CUSTOM);
                    validator.set(c.validator().checksummed());
                    validatorInitData.set(c.initData().hex());
                }
            }
            actions.clear();
            for (SessionSpec.ActionSpec a : s.actions()) {
                Optional<CatalogFunction> fn = Catalog.bySelector(a.selector()).filter(f -> f.contract().isAt(a.target(), context.network()));
                ActionRowViewModel row = new ActionRowViewModel(this, fn, addressName(a.target()), fn.map(f -> f.contract() == ContractKind.ERC20).orElse(true));
                if (fn.isEmpty()) row.functionProperty().set(a.selector().hex());
                row.ethPerCallProperty().set(dev.latchkey.trade.catalog.Amounts.format(a.valueLimitPerUse(), 18).replace(",", ""));
                row.refreshShape();
                a.rules().forEach(row::addRule);
                actions.add(row);
            }
            anyCall.set(s.anyCall());
            confirmUnrestricted.set(false);
            limits.load(s.limits());
        });
    }

    public List<CatalogFunction> functionsOf(ContractKind kind) {
        return Catalog.ALL.stream().filter(f -> f.contract() == kind && !f.isView() && f != Catalog.EXACT_INPUT).toList();
    }

    /** Adds a catalog function: Uniswap and Aave targets are the network's; ERC-20 actions start on USDC (editable). */
    public ActionRowViewModel onAddFunction(CatalogFunction fn) {
        TradeNetwork n = context.network();
        String target = switch (fn.contract()) {
            case SWAP_ROUTER_02 -> addressName(n.swapRouter02());
            case AAVE_POOL -> addressName(n.aavePool());
            case QUOTER_V2 -> addressName(n.quoterV2());
            case ERC20 -> n.tokens().get(0).symbol();
        };
        ActionRowViewModel row = new ActionRowViewModel(this, Optional.of(fn), target, fn.contract() == ContractKind.ERC20);
        row.refreshShape();
        actions.add(row);
        recompute();
        return row;
    }

    /** Adds a custom action: any contract, a selector or signature. */
    public ActionRowViewModel onAddCustom() {
        ActionRowViewModel row = new ActionRowViewModel(this, Optional.empty(), "", true);
        actions.add(row);
        recompute();
        return row;
    }

    void removeAction(ActionRowViewModel row) {
        actions.remove(row);
        recompute();
    }

    // ---- review

    /** Generates the session key in the vault, builds the exact session and opens the approve screen. */
    public void onReview() {
        recompute();
        if (!canReview.get()) {
            return;
        }
        SessionSpec s = spec.orElseThrow();
        String label = name.get().isBlank() ? "" : dev.latchkey.wallet.SessionLabels.checked(name.get());
        error.set("");
        review.run(progress -> {
            progress.update(-1, "Generating the session key in the vault");
            Address key = keys.create();
            WalletSession ws = OperationDeadlines.whereDeployed(SessionCompiler.compile(s, key, salts.get(), context.network().chainId(),
                    context.sessionValidator()), context.policyAddresses());
            OnchainSession on = SessionMapper.toOnchain(ws, context.policyAddresses());
            return new ApprovalRequest(on, context.account(), context.network().smartSession(),
                    List.of(new EnablePlan.ChainNonce(context.network().chainId(), BigInteger.ZERO)), context.network(),
                    context.policyAddresses(), key, label, context.sessionValidator());
        }, onReview, failure -> error.set(UserMessages.describe(failure)));
    }

    // ---- recomputation

    void batch(Runnable r) {
        batchDepth++;
        try {
            r.run();
        } finally {
            batchDepth--;
        }
        recompute();
    }

    void recompute() {
        if (batchDepth > 0) {
            return;
        }
        Parsed<SessionSpec.OwnersSpec> owners = owners();
        ownersHint.set(owners.isOk() ? ownersDescription(owners.get()) : owners.error());
        List<SessionSpec.ActionSpec> parsed = new ArrayList<>();
        int invalid = owners.isOk() ? 0 : 1;
        for (ActionRowViewModel row : actions) {
            Parsed<SessionSpec.ActionSpec> p = row.parse();
            p.value().ifPresent(parsed::add);
            invalid += p.isOk() ? 0 : 1;
        }
        Parsed<SessionSpec.LimitsSpec> l = limits.parse();
        invalid += l.isOk() ? 0 : 1;
        invalid += checkName() ? 0 : 1;
        String duplicate = Inputs.duplicateAction(parsed);
        if (invalid > 0 || !duplicate.isEmpty()) {
            spec = Optional.empty();
            summary.set("");
            exposure.set("");
            unrestricted.set(false);
            unrestrictedReasons.set("");
            reviewHint.set(!duplicate.isEmpty() ? duplicate : invalid == 1 ? "One part of the form needs attention (see the red notes)."
                    : invalid + " parts of the form need attention (see the red notes).");
            canReview.set(false);
            return;
        }
        SessionSpec s = new SessionSpec(owners.get(), parsed, anyCall.get() || parsed.isEmpty(), l.get());
        try {
            WalletSession preview = OperationDeadlines.whereDeployed(SessionCompiler.compile(s, PREVIEW_KEY, HexBytes.zeros(32),
                    context.network().chainId(), context.sessionValidator()), context.policyAddresses());
            SessionMapper.toOnchain(preview, context.policyAddresses()); // every policy type must be deployed on this network
            spec = Optional.of(s);
            summary.set(String.join("\n", SessionSummary.lines(preview, context.network(), context.account(), context.zone()).stream()
                    .map(line -> "• " + line).toList()));
            exposure.set(SessionExposure.line(preview, context.network(), context.zone()));
            List<String> reasons = SessionExposure.unrestrictedReasons(preview, context.network());
            unrestricted.set(!reasons.isEmpty());
            unrestrictedReasons.set(reasons.isEmpty() ? "" : "UNRESTRICTED: this session " + String.join("; ", reasons)
                    + ". Anyone holding the session key could use it that way.");
            boolean confirmed = reasons.isEmpty() || confirmUnrestricted.get();
            canReview.set(confirmed && !review.isRunning());
            reviewHint.set(confirmed ? "" : "Tick the confirmation to build an unrestricted session.");
        } catch (FieldException e) {
            spec = Optional.empty();
            canReview.set(false);
            reviewHint.set(Inputs.sentence(e));
        }
    }

    /** A blank name is allowed (the session is then "built in the app"); a given one must be a valid label. */
    private boolean checkName() {
        try {
            if (!name.get().isBlank()) dev.latchkey.wallet.SessionLabels.checked(name.get());
            nameHint.set("");
            return true;
        } catch (FieldException e) {
            nameHint.set(e.getMessage().replaceFirst("^label: ", ""));
            return false;
        }
    }

    private Parsed<SessionSpec.OwnersSpec> owners() {
        return switch (ownersMode.get()) {
            case NEW_KEY -> Parsed.ok(new SessionSpec.OwnersSpec.NewKey());
            case MULTISIG -> multisig();
            case CUSTOM -> {
                Parsed<Address> v = parseAddress(validator.get());
                if (!v.isOk()) yield Parsed.error("Validator: " + v.error());
                Parsed<HexBytes> data = Inputs.hex(validatorInitData.get());
                yield data.isOk() ? Parsed.ok(new SessionSpec.OwnersSpec.Custom(v.get(), data.get())) : Parsed.error("Init data: " + data.error());
            }
        };
    }

    private Parsed<SessionSpec.OwnersSpec> multisig() {
        List<Address> others = new ArrayList<>();
        for (String part : Arrays.stream(otherOwners.get().split("[\\s,]+")).filter(p -> !p.isBlank()).toList()) {
            Parsed<Address> a = parseAddress(part);
            if (!a.isOk()) return Parsed.error("Owner " + part + ": " + a.error());
            if (others.contains(a.get())) return Parsed.error("Owner " + part + " is listed twice.");
            others.add(a.get());
        }
        int n = others.size() + (includeNewKey.get() ? 1 : 0);
        if (n == 0) return Parsed.error("Add at least one owner address.");
        if (n > 32) return Parsed.error("At most 32 owners.");
        int t;
        try {
            t = (int) dev.latchkey.session.model.NumberText.whole("threshold", threshold.get(), 0, 1_000);
        } catch (dev.latchkey.session.model.FieldException e) {
            return Parsed.error("Threshold: a whole number from 1 to " + n + ".");
        }
        if (t < 1 || t > n) return Parsed.error("Threshold: from 1 to " + n + " (the number of owners).");
        return Parsed.ok(new SessionSpec.OwnersSpec.Multisig(includeNewKey.get(), others, t));
    }

    private static String ownersDescription(SessionSpec.OwnersSpec o) {
        return switch (o) {
            case SessionSpec.OwnersSpec.NewKey n -> "A new session key is generated in your vault when you review; it never leaves it.";
            case SessionSpec.OwnersSpec.Multisig m -> m.threshold() + " of " + (m.others().size() + (m.includeNewKey() ? 1 : 0))
                    + " keys must sign each operation" + (m.includeNewKey() ? " (one is a new key in your vault)." : ".");
            case SessionSpec.OwnersSpec.Custom c -> "Validator " + c.validator().checksummed() + " with " + c.initData().length()
                    + " bytes of init data; Latchkey cannot sign for it itself.";
        };
    }

    Parsed<Address> parseAddress(String text) {
        return Inputs.address(text, context.network(), context.account());
    }

    /** "this account", a token symbol, a contract label, or the checksummed address. */
    String addressName(Address a) {
        if (a.equals(context.account())) return "this account";
        return context.network().label(a).orElse(a.checksummed());
    }

    BuilderContext context() {
        return context;
    }

    /** The parsed form, when every field is valid (tests). */
    public Optional<SessionSpec> spec() {
        return spec;
    }

    public ObjectProperty<Template> templateProperty() { return template; }
    public StringProperty templateRecipientProperty() { return templateRecipient; }
    public StringProperty nameProperty() { return name; }
    public ReadOnlyStringProperty nameHintProperty() { return nameHint.getReadOnlyProperty(); }
    public ObjectProperty<OwnersMode> ownersModeProperty() { return ownersMode; }
    public BooleanProperty includeNewKeyProperty() { return includeNewKey; }
    public StringProperty otherOwnersProperty() { return otherOwners; }
    public StringProperty thresholdProperty() { return threshold; }
    public StringProperty validatorProperty() { return validator; }
    public StringProperty validatorInitDataProperty() { return validatorInitData; }
    public ObservableList<ActionRowViewModel> actions() { return actions; }
    public BooleanProperty anyCallProperty() { return anyCall; }
    public BooleanProperty confirmUnrestrictedProperty() { return confirmUnrestricted; }
    public LimitsViewModel limits() { return limits; }
    public ReadOnlyStringProperty templateHintProperty() { return templateHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty ownersHintProperty() { return ownersHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty exposureProperty() { return exposure.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty unrestrictedProperty() { return unrestricted.getReadOnlyProperty(); }
    public ReadOnlyStringProperty unrestrictedReasonsProperty() { return unrestrictedReasons.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canReviewProperty() { return canReview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reviewHintProperty() { return reviewHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public AsyncAction reviewAction() { return review; }
    public String networkName() { return context.network().name(); }
    public String zoneName() { return context.zone().getId(); }
}
