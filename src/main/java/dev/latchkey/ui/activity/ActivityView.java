package dev.latchkey.ui.activity;

import dev.latchkey.ui.common.View;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Activity screen: binds {@link ActivityViewModel}; a table, a details pane and the spend chart. */
public final class ActivityView implements View<ActivityViewModel> {

    private final ActivityViewModel vm;

    @FXML private VBox root;
    @FXML private Label summary;
    @FXML private ProgressIndicator busy;
    @FXML private Button refresh;
    @FXML private ComboBox<ActivityViewModel.Filter> filter;
    @FXML private ComboBox<ActivityViewModel.SessionChoice> session;
    @FXML private TextField search;
    @FXML private Label error;
    @FXML private TableView<ActivityRow> table;
    @FXML private TableColumn<ActivityRow, String> timeColumn;
    @FXML private TableColumn<ActivityRow, String> statusColumn;
    @FXML private TableColumn<ActivityRow, String> whatColumn;
    @FXML private TableColumn<ActivityRow, String> reasonColumn;
    @FXML private Label details;
    @FXML private Label receipt;
    @FXML private LineChart<Number, Number> chart;
    @FXML private NumberAxis timeAxis;

    public ActivityView(ActivityViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(vm.summaryProperty());
        busy.visibleProperty().bind(vm.loading().runningProperty());
        refresh.setOnAction(e -> vm.onRefresh());
        filter.setItems(FXCollections.observableArrayList(Arrays.asList(ActivityViewModel.Filter.values())));
        filter.valueProperty().bindBidirectional(vm.filterProperty());
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(ActivityViewModel.Filter f) {
                return f == null ? "" : f.text();
            }

            @Override
            public ActivityViewModel.Filter fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        session.setItems(vm.sessions());
        session.valueProperty().bindBidirectional(vm.sessionProperty());
        search.textProperty().bindBidirectional(vm.searchProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(vm.timeOf(c.getValue())));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status().text()));
        statusColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("activity-"));
                setText(empty ? null : item);
                if (!empty && getTableRow() != null && getTableRow().getItem() != null) {
                    getStyleClass().add("activity-" + getTableRow().getItem().status().name().toLowerCase(Locale.ROOT));
                }
            }
        });
        whatColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().what()));
        reasonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> vm.selectedProperty().set(n));
        vm.selectedProperty().addListener((obs, o, n) -> {
            if (n != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(n);
            }
        });
        details.textProperty().bind(vm.detailsProperty().map(d -> d.isEmpty() ? "Select a row to see its details." : d));
        receipt.textProperty().bind(vm.receiptProperty());

        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return vm.timeOf(Instant.ofEpochSecond(seconds.longValue())).replaceFirst("^.*, ", "");
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        vm.spend().addListener((ListChangeListener<SpendSeries>) c -> renderChart());
        renderChart();
    }

    private void renderChart() {
        // whole seconds on the time axis: an automatic range would repeat the same second under fractional ticks
        long first = vm.spend().stream().flatMap(s -> s.points().stream()).mapToLong(p -> p.at().getEpochSecond()).min().orElse(0);
        long last = vm.spend().stream().flatMap(s -> s.points().stream()).mapToLong(p -> p.at().getEpochSecond()).max().orElse(60);
        long span = Math.max(10, last - first);
        long unit = Math.max(1, (span + 7) / 8);
        timeAxis.setLowerBound(first - unit);
        timeAxis.setUpperBound(first + unit * ((span + unit - 1) / unit + 1));
        timeAxis.setTickUnit(unit);
        chart.getData().setAll(vm.spend().stream().map(s -> {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(s.name());
            s.points().forEach(p -> series.getData().add(new XYChart.Data<>(p.at().getEpochSecond(), p.total())));
            return series;
        }).toList());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public ActivityViewModel viewModel() {
        return vm;
    }
}
