package dev.latchkey.ui.network;

import dev.latchkey.ui.common.View;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Settings' networks section: binds {@link NetworksViewModel}. */
public final class NetworksView implements View<NetworksViewModel> {

    private final NetworksViewModel vm;
    private final VBox root = new VBox(8);

    public NetworksView(NetworksViewModel vm) {
        this.vm = vm;
        root.setId("networks");
        Label current = new Label();
        current.setWrapText(true);
        current.textProperty().bind(vm.currentProperty().map(c -> "Works on: " + c));

        ComboBox<NetworksViewModel.Item> choice = new ComboBox<>(vm.items());
        choice.setId("networkChoice");
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.valueProperty().bindBidirectional(vm.selectedProperty());
        Button use = new Button("Use this network");
        use.setId("useNetwork");
        use.setMinWidth(Button.USE_PREF_SIZE);
        use.setOnAction(e -> vm.onUse());
        use.disableProperty().bind(vm.workAction().runningProperty());
        VBox switchRow = new VBox(6, choice, use);

        Label addTitle = new Label("Add network");
        addTitle.getStyleClass().add("section-title");
        NetworkForm f = vm.form();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        row = field(grid, row, "Name", text("networkName", "my-sepolia", f.nameProperty()));
        row = field(grid, row, "Chain id", text("networkChainId", "11155111", f.chainIdProperty()));
        row = field(grid, row, "RPC URL", text("networkRpcUrl", "https://rpc.example.org", f.rpcUrlProperty()));
        row = field(grid, row, "Bundler URL", text("networkBundlerUrl", "https://bundler.example.org/rpc", f.bundlerUrlProperty()));
        row = field(grid, row, "Explorer URL", text("networkExplorerUrl", "optional", f.explorerUrlProperty()));
        row = field(grid, row, "Tokens", area("networkTokens", "USDC=0x…  (one per line; decimals are read from the chain)", f.tokensProperty()));
        field(grid, row, "Addresses", area("networkAddresses", "optional: SwapRouter02=0x…, QuoterV2=0x…, AavePool=0x…", f.addressesProperty()));
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(),
                new javafx.scene.layout.ColumnConstraints(200, 420, Double.MAX_VALUE));

        Label hint = new Label();
        hint.setWrapText(true);
        hint.setMinHeight(36); // two lines reserved, so the form does not jump as the hint changes
        hint.textProperty().bind(f.hintProperty());
        Button add = new Button("Check and add");
        add.setId("addNetwork");
        add.setMinWidth(Button.USE_PREF_SIZE);
        add.setOnAction(e -> vm.onAdd());
        add.disableProperty().bind(f.validProperty().not().or(vm.workAction().runningProperty()));
        VBox findings = new VBox(2);
        vm.findings().addListener((ListChangeListener<String>) c -> findings.getChildren().setAll(
                vm.findings().stream().map(line -> {
                    Label l = new Label(line);
                    l.setWrapText(true);
                    return l;
                }).toList()));
        Label status = new Label();
        status.setId("networkStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label progress = new Label();
        progress.setWrapText(true);
        progress.textProperty().bind(vm.workAction().messageProperty());
        progress.visibleProperty().bind(vm.workAction().runningProperty());
        root.getChildren().addAll(current, switchRow, addTitle, grid, hint, add, progress, status, findings);
        root.setPadding(new Insets(0, 0, 8, 0));
    }

    private static int field(GridPane grid, int row, String label, javafx.scene.Node input) {
        Label l = new Label(label);
        l.setMinWidth(Label.USE_PREF_SIZE);
        grid.addRow(row, l, input);
        return row + 1;
    }

    private static TextField text(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private static TextArea area(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setPromptText(prompt);
        t.setPrefRowCount(3);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public NetworksViewModel viewModel() {
        return vm;
    }
}
