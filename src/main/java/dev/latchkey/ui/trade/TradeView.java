package dev.latchkey.ui.trade;

import dev.latchkey.trade.catalog.Token;
import dev.latchkey.ui.common.View;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Trade screen: binds {@link TradeViewModel} and its two panels; preset and Aave buttons are rendered from lists. */
public final class TradeView implements View<TradeViewModel> {

    private final TradeViewModel vm;

    @FXML private ScrollPane root;
    @FXML private Label tradeNetwork;
    @FXML private ProgressIndicator busy;
    @FXML private HBox errorRow;
    @FXML private Label error;
    @FXML private Button retry;
    @FXML private ComboBox<TradePort.Pair> pair;
    @FXML private ToggleButton buy;
    @FXML private ToggleButton sell;
    @FXML private FlowPane presets;
    @FXML private TextField amount;
    @FXML private Label unit;
    @FXML private TextField slippage;
    @FXML private Label amountHint;
    @FXML private Label slippageHint;
    @FXML private Label quote;
    @FXML private ProgressIndicator quoting;
    @FXML private Label cover;
    @FXML private Button submit;
    @FXML private Button buildSession;
    @FXML private Label swapResult;
    @FXML private Label swapFill;
    @FXML private Label pairPrice;
    @FXML private Label pairBalances;
    @FXML private Label amountNote;
    @FXML private Button max;
    @FXML private Label position;
    @FXML private ComboBox<Token> asset;
    @FXML private TextField aaveAmount;
    @FXML private Label aaveHint;
    @FXML private VBox aaveRows;
    @FXML private Label aaveResult;
    @FXML private Label aaveError;

    public TradeView(TradeViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        SwapViewModel s = vm.swap();
        AaveViewModel a = vm.aave();
        tradeNetwork.textProperty().bind(vm.networkProperty().map(n -> n.isEmpty() ? ""
                : n + " · one click: the background signer signs within your session's limits, no prompt"));
        busy.visibleProperty().bind(vm.loading().runningProperty().or(a.loading().runningProperty()));
        error.textProperty().bind(vm.errorProperty());
        errorRow.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorRow.managedProperty().bind(errorRow.visibleProperty());
        retry.setOnAction(e -> vm.onRetry());

        pair.setItems(s.pairs());
        pair.valueProperty().bindBidirectional(s.pairProperty());
        pair.setConverter(converter(TradePort.Pair::label));
        ToggleGroup sides = new ToggleGroup();
        buy.setToggleGroup(sides);
        sell.setToggleGroup(sides);
        buy.setSelected(s.sideProperty().get() == SwapViewModel.Side.BUY);
        sell.setSelected(!buy.isSelected());
        sides.selectedToggleProperty().addListener((obs, o, now) -> {
            if (now == null) {
                o.setSelected(true);
            } else {
                s.sideProperty().set(now == buy ? SwapViewModel.Side.BUY : SwapViewModel.Side.SELL);
            }
        });
        buy.textProperty().bind(s.pairProperty().map(p -> "Buy " + p.base().symbol()).orElse("Buy"));
        sell.textProperty().bind(s.pairProperty().map(p -> "Sell " + p.base().symbol()).orElse("Sell"));
        s.presets().addListener((ListChangeListener<SwapViewModel.Preset>) c -> renderPresets());
        amount.textProperty().bindBidirectional(s.amountProperty());
        unit.textProperty().bind(s.spendUnitProperty());
        slippage.textProperty().bindBidirectional(s.slippageProperty());
        hint(amountHint, s.amountHintProperty());
        hint(slippageHint, s.slippageHintProperty());
        quote.textProperty().bind(s.quoteProperty());
        quoting.visibleProperty().bind(s.quoting().runningProperty());
        cover.textProperty().bind(s.coverProperty());
        s.coveredProperty().addListener((obs, o, ok) -> style(cover, ok ? "text-success" : "text-warning"));
        submit.textProperty().bind(s.actionLabelProperty());
        submit.disableProperty().bind(s.canSubmitProperty().not());
        submit.setOnAction(e -> s.onSubmit());
        buildSession.visibleProperty().bind(s.noSessionProperty());
        buildSession.managedProperty().bind(buildSession.visibleProperty());
        buildSession.setOnAction(e -> s.onBuildSession());
        swapResult.textProperty().bind(s.lastResultProperty());
        hint(swapFill, s.info().fillProperty());
        pairPrice.textProperty().bind(s.info().priceProperty());
        pairBalances.textProperty().bind(s.info().balancesProperty());
        hint(amountNote, s.amountNoteProperty());
        max.disableProperty().bind(s.info().canMaxProperty().not());
        max.setOnAction(e -> s.onMax());

        position.textProperty().bind(a.positionProperty());
        asset.setItems(a.assets());
        asset.valueProperty().bindBidirectional(a.assetProperty());
        asset.setConverter(converter(Token::symbol));
        aaveAmount.textProperty().bindBidirectional(a.amountProperty());
        hint(aaveHint, a.amountHintProperty());
        a.rows().addListener((ListChangeListener<AaveViewModel.Row>) c -> renderAave());
        aaveResult.textProperty().bind(a.lastResultProperty());
        hint(aaveError, a.errorProperty());
        renderPresets();
        renderAave();
    }

    private void renderPresets() {
        SwapViewModel s = vm.swap();
        presets.getChildren().setAll(s.presets().stream().map(p -> {
            Button b = new Button(p.label());
            b.setId("preset-" + p.amount());
            b.getStyleClass().add("preset");
            b.setOnAction(e -> s.onPreset(p));
            return b;
        }).toList());
    }

    private void renderAave() {
        AaveViewModel a = vm.aave();
        aaveRows.getChildren().setAll(a.rows().stream().map(r -> {
            Button b = new Button(r.label());
            b.setId("aave-" + r.action().name().toLowerCase(Locale.ROOT));
            b.setPrefWidth(110);
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.setOnAction(e -> a.onAction(r.action()));
            Label health = new Label(r.health());
            if (r.risky()) {
                health.getStyleClass().add("text-danger");
            }
            Label c = new Label(r.cover());
            c.getStyleClass().addAll("text-muted", "aave-cover");
            c.setWrapText(true);
            VBox text = new VBox(2, health, c);
            HBox row = new HBox(12, b, text);
            row.setAlignment(Pos.TOP_LEFT);
            return row;
        }).toList());
    }

    private static void hint(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static void style(Label label, String style) {
        label.getStyleClass().removeAll("text-success", "text-warning", "text-muted");
        label.getStyleClass().add(style);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
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

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public TradeViewModel viewModel() {
        return vm;
    }
}
