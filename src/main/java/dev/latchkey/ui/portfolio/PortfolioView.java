package dev.latchkey.ui.portfolio;

import dev.latchkey.ui.common.View;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;

/** Portfolio screen: binds {@link PortfolioViewModel}; renders its rows, no logic. */
public final class PortfolioView implements View<PortfolioViewModel> {

    private static final List<String> HEALTH_STYLES = List.of("health-none", "health-safe", "health-warning", "health-danger");

    private final PortfolioViewModel vm;

    @FXML private ScrollPane root;
    @FXML private Label accountNetwork;
    @FXML private ProgressIndicator busy;
    @FXML private Button refresh;
    @FXML private Label error;
    @FXML private Label address;
    @FXML private Button copy;
    @FXML private Label deployment;
    @FXML private Label ownerKey;
    @FXML private GridPane balances;
    @FXML private Button fund;
    @FXML private ProgressIndicator funding;
    @FXML private Label fundingStatus;
    @FXML private Label notice;
    @FXML private Label collateral;
    @FXML private Label debt;
    @FXML private Label borrowable;
    @FXML private Label healthFactor;
    @FXML private GridPane reserves;

    public PortfolioView(PortfolioViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        accountNetwork.textProperty().bind(vm.networkProperty());
        busy.visibleProperty().bind(vm.loading().runningProperty());
        refresh.setOnAction(e -> vm.onRefresh());
        refresh.disableProperty().bind(vm.loading().runningProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        address.textProperty().bind(vm.addressProperty().map(a -> a.isEmpty() ? "Loading…" : a));
        copy.setOnAction(e -> vm.onCopyAddress());
        copy.disableProperty().bind(vm.addressProperty().isEmpty());
        deployment.textProperty().bind(vm.deploymentProperty());
        vm.deployedProperty().addListener((obs, o, now) -> {
            deployment.getStyleClass().removeAll("text-success", "text-warning");
            if (now != null) {
                deployment.getStyleClass().add(now ? "text-success" : "text-warning");
            }
        });
        ownerKey.textProperty().bind(vm.ownerProperty());
        vm.balances().addListener((ListChangeListener<PortfolioViewModel.Balance>) c -> renderBalances());
        fund.textProperty().bind(vm.faucetLabelProperty());
        fund.disableProperty().bind(vm.faucetAvailableProperty().not().or(vm.funding().runningProperty()));
        fund.setOnAction(e -> vm.onFund());
        funding.visibleProperty().bind(vm.funding().runningProperty());
        funding.managedProperty().bind(funding.visibleProperty());
        fundingStatus.textProperty().bind(vm.funding().messageProperty());
        fundingStatus.visibleProperty().bind(vm.funding().runningProperty());
        notice.textProperty().bind(vm.noticeProperty());
        collateral.textProperty().bind(vm.collateralProperty());
        debt.textProperty().bind(vm.debtProperty());
        borrowable.textProperty().bind(vm.borrowableProperty());
        healthFactor.textProperty().bind(vm.healthFactorProperty());
        vm.healthProperty().addListener((obs, o, now) -> {
            healthFactor.getStyleClass().removeAll(HEALTH_STYLES);
            healthFactor.getStyleClass().add("health-" + now.name().toLowerCase(Locale.ROOT));
        });
        vm.reserves().addListener((ListChangeListener<PortfolioViewModel.Reserve>) c -> renderReserves());
    }

    private void renderBalances() {
        balances.getChildren().clear();
        int row = 0;
        for (PortfolioViewModel.Balance b : vm.balances()) {
            Label symbol = new Label(b.symbol());
            symbol.getStyleClass().add("token-symbol");
            Label amount = new Label(b.amount());
            amount.getStyleClass().add("amount");
            amount.setId("balance-" + b.symbol());
            balances.addRow(row++, symbol, amount);
        }
    }

    private void renderReserves() {
        reserves.getChildren().clear();
        if (vm.reserves().isEmpty()) {
            return;
        }
        reserves.addRow(0, header("Reserve"), header("Supplied"), header("Borrowed"));
        int row = 1;
        for (PortfolioViewModel.Reserve r : vm.reserves()) {
            reserves.addRow(row++, new Label(r.symbol()), new Label(r.supplied()), new Label(r.borrowed()));
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        return l;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public PortfolioViewModel viewModel() {
        return vm;
    }
}
