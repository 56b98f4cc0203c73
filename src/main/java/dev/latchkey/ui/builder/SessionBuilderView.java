package dev.latchkey.ui.builder;

import dev.latchkey.trade.catalog.CatalogFunction;
import dev.latchkey.trade.catalog.ContractKind;
import dev.latchkey.ui.builder.SessionBuilderViewModel.OwnersMode;
import dev.latchkey.ui.common.View;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The session builder: binds {@link SessionBuilderViewModel}; action and cap rows come from {@link BuilderRows}. */
public final class SessionBuilderView implements View<SessionBuilderViewModel> {

    private final SessionBuilderViewModel vm;
    private final Runnable onCancel;

    @FXML private BorderPane root;
    @FXML private Label network;
    @FXML private Button cancel;
    @FXML private ComboBox<Template> template;
    @FXML private TextField templateRecipient;
    @FXML private TextField sessionName;
    @FXML private Label nameHint;
    @FXML private Button applyTemplate;
    @FXML private Label templateDescription;
    @FXML private Label templateHint;
    @FXML private ToggleGroup ownersGroup;
    @FXML private RadioButton ownersNewKey;
    @FXML private RadioButton ownersMultisig;
    @FXML private RadioButton ownersCustom;
    @FXML private GridPane multisigBox;
    @FXML private CheckBox includeNewKey;
    @FXML private TextArea otherOwners;
    @FXML private TextField threshold;
    @FXML private GridPane customBox;
    @FXML private TextField validator;
    @FXML private TextField validatorInitData;
    @FXML private Label ownersHint;
    @FXML private GridPane tiles;
    @FXML private VBox actionList;
    @FXML private CheckBox anyCall;
    @FXML private DatePicker startDate;
    @FXML private TextField startTime;
    @FXML private DatePicker endDate;
    @FXML private TextField endTime;
    @FXML private CheckBox noExpiry;
    @FXML private Button oneDay;
    @FXML private Button oneWeek;
    @FXML private Label timeHint;
    @FXML private TextField maxOperations;
    @FXML private Label operationsHint;
    @FXML private TextField rateUses;
    @FXML private ComboBox<Long> rateInterval;
    @FXML private Label rateHint;
    @FXML private TextField ethTotal;
    @FXML private Label ethHint;
    @FXML private TextField gasCap;
    @FXML private Label gasHint;
    @FXML private ComboBox<Long> period;
    @FXML private Button addTokenCap;
    @FXML private VBox tokenCaps;
    @FXML private HBox tokenCapsHeader;
    @FXML private Label zone;
    @FXML private Label summary;
    @FXML private Label exposure;
    @FXML private VBox unrestrictedBox;
    @FXML private Label unrestrictedReasons;
    @FXML private CheckBox confirmUnrestricted;
    @FXML private Label reviewHint;
    @FXML private Label error;
    @FXML private Button review;
    @FXML private ProgressIndicator busy;

    public SessionBuilderView(SessionBuilderViewModel vm, Runnable onCancel) {
        this.vm = vm;
        this.onCancel = onCancel;
    }

    @FXML
    private void initialize() {
        network.setText("on " + vm.networkName());
        cancel.setOnAction(e -> onCancel.run());
        template.getItems().setAll(Template.values());
        template.setConverter(converter(Template::title));
        template.valueProperty().bindBidirectional(vm.templateProperty());
        templateRecipient.textProperty().bindBidirectional(vm.templateRecipientProperty());
        sessionName.textProperty().bindBidirectional(vm.nameProperty());
        nameHint.textProperty().bind(vm.nameHintProperty());
        show(templateRecipient, vm.templateProperty().map(Template::needsRecipient).orElse(false));
        templateDescription.textProperty().bind(vm.templateProperty().map(Template::description));
        templateHint.textProperty().bind(vm.templateHintProperty());
        applyTemplate.setOnAction(e -> vm.onApplyTemplate());

        ownersNewKey.setUserData(OwnersMode.NEW_KEY);
        ownersMultisig.setUserData(OwnersMode.MULTISIG);
        ownersCustom.setUserData(OwnersMode.CUSTOM);
        ownersGroup.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) vm.ownersModeProperty().set((OwnersMode) t.getUserData());
        });
        vm.ownersModeProperty().addListener((o, a, m) -> ownersGroup.getToggles().stream()
                .filter(t -> t.getUserData() == m).findFirst().ifPresent(t -> t.setSelected(true)));
        show(multisigBox, vm.ownersModeProperty().isEqualTo(OwnersMode.MULTISIG));
        show(customBox, vm.ownersModeProperty().isEqualTo(OwnersMode.CUSTOM));
        includeNewKey.selectedProperty().bindBidirectional(vm.includeNewKeyProperty());
        otherOwners.textProperty().bindBidirectional(vm.otherOwnersProperty());
        threshold.textProperty().bindBidirectional(vm.thresholdProperty());
        validator.textProperty().bindBidirectional(vm.validatorProperty());
        validatorInitData.textProperty().bindBidirectional(vm.validatorInitDataProperty());
        ownersHint.textProperty().bind(vm.ownersHintProperty());

        tiles.add(tile("Uniswap V3 (SwapRouter02)", ContractKind.SWAP_ROUTER_02), 0, 0);
        tiles.add(tile("Aave V3 (Pool)", ContractKind.AAVE_POOL), 1, 0);
        tiles.add(tile("ERC-20 token", ContractKind.ERC20), 0, 1);
        tiles.add(customTile(), 1, 1);
        BuilderRows rows = new BuilderRows();
        vm.actions().addListener((ListChangeListener<ActionRowViewModel>) c ->
                actionList.getChildren().setAll(vm.actions().stream().map(rows::action).toList()));
        actionList.getChildren().setAll(vm.actions().stream().map(rows::action).toList());
        anyCall.selectedProperty().bindBidirectional(vm.anyCallProperty());

        LimitsViewModel l = vm.limits();
        startDate.valueProperty().bindBidirectional(l.startDateProperty());
        startTime.textProperty().bindBidirectional(l.startTimeProperty());
        endDate.valueProperty().bindBidirectional(l.endDateProperty());
        endTime.textProperty().bindBidirectional(l.endTimeProperty());
        endDate.disableProperty().bind(l.noExpiryProperty());
        endTime.disableProperty().bind(l.noExpiryProperty());
        noExpiry.selectedProperty().bindBidirectional(l.noExpiryProperty());
        oneDay.setOnAction(e -> l.onOneDay());
        oneWeek.setOnAction(e -> l.onOneWeek());
        timeHint.textProperty().bind(l.timeHintProperty());
        maxOperations.textProperty().bindBidirectional(l.maxOperationsProperty());
        operationsHint.textProperty().bind(l.operationsHintProperty());
        rateUses.textProperty().bindBidirectional(l.rateUsesProperty());
        periods(rateInterval);
        rateInterval.valueProperty().bindBidirectional(l.rateIntervalProperty());
        rateHint.textProperty().bind(l.rateHintProperty());
        ethTotal.textProperty().bindBidirectional(l.ethTotalProperty());
        ethHint.textProperty().bind(l.ethHintProperty());
        gasCap.textProperty().bindBidirectional(l.gasCapProperty());
        gasHint.textProperty().bind(l.gasHintProperty());
        periods(period);
        period.valueProperty().bindBidirectional(l.periodProperty());
        addTokenCap.setOnAction(e -> l.onAddTokenCap());
        zone.setText("times in " + vm.zoneName());
        show(tokenCapsHeader, javafx.beans.binding.Bindings.isNotEmpty(l.tokenCaps()));
        tokenCaps.getChildren().setAll(l.tokenCaps().stream().map(rows::tokenCap).toList());
        l.tokenCaps().addListener((ListChangeListener<TokenCapRowViewModel>) c ->
                tokenCaps.getChildren().setAll(l.tokenCaps().stream().map(rows::tokenCap).toList()));

        summary.textProperty().bind(vm.summaryProperty());
        exposure.textProperty().bind(vm.exposureProperty());
        vm.unrestrictedProperty().addListener((o, a, red) -> exposure.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("danger"), red));
        show(unrestrictedBox, vm.unrestrictedProperty());
        unrestrictedReasons.textProperty().bind(vm.unrestrictedReasonsProperty());
        confirmUnrestricted.selectedProperty().bindBidirectional(vm.confirmUnrestrictedProperty());
        reviewHint.textProperty().bind(vm.reviewHintProperty());
        error.textProperty().bind(vm.errorProperty());
        show(error, vm.errorProperty().isNotEmpty());
        review.disableProperty().bind(vm.canReviewProperty().not());
        review.setOnAction(e -> vm.onReview());
        busy.visibleProperty().bind(vm.reviewAction().runningProperty());
    }

    private VBox tile(String title, ContractKind kind) {
        VBox box = new VBox(6);
        box.getStyleClass().add("action-tile");
        Label name = new Label(title);
        name.getStyleClass().add("tile-title");
        FlowPane buttons = new FlowPane(6, 6);
        for (CatalogFunction fn : vm.functionsOf(kind)) {
            Button b = new Button(fn.name());
            b.setId("add-" + fn.name());
            b.getStyleClass().add("small");
            b.setOnAction(e -> vm.onAddFunction(fn));
            buttons.getChildren().add(b);
        }
        box.getChildren().addAll(name, buttons);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private VBox customTile() {
        VBox box = new VBox(6);
        box.getStyleClass().add("action-tile");
        Label name = new Label("Any contract");
        name.getStyleClass().add("tile-title");
        Button b = new Button("Custom target + selector…");
        b.setId("add-custom");
        b.getStyleClass().add("small");
        b.setOnAction(e -> vm.onAddCustom());
        Label note = new Label("any address; a selector or a function signature");
        note.getStyleClass().add("field-note");
        box.getChildren().addAll(name, b, note);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static void periods(ComboBox<Long> box) {
        box.getItems().setAll(LimitsViewModel.PERIODS);
        box.setConverter(converter(SessionExposure::period));
    }

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    static void show(javafx.scene.Node node, javafx.beans.value.ObservableValue<Boolean> visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(node.visibleProperty());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public SessionBuilderViewModel viewModel() {
        return vm;
    }
}
