package dev.latchkey.ui.network;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.NetworkChoice;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.WalletSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings' networks: the one the wallet works on, the networks it can switch to (the local devnet and the user's
 * own), "Add network" (checked on its chain before it is kept) and "Use this network". A switch is stored in the
 * wallet and the wallet screens re-open on the new chain; a restart keeps it.
 */
public final class NetworksViewModel implements Activatable {

    /** A network the wallet can switch to. */
    public record Item(NetworkChoice choice, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final WalletSession wallet;
    private final NetworkBook book;
    private final AsyncAction work;
    private final Runnable switched;
    private final NetworkForm form = new NetworkForm();
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObjectProperty<Item> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper(this, "current", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /** @param switched runs after a switch is stored: the app closes the wallet screens' chain so they re-open on the new one */
    public NetworksViewModel(WalletSession wallet, NetworkBook book, AsyncAction work, Runnable switched) {
        this.wallet = Objects.requireNonNull(wallet);
        this.book = Objects.requireNonNull(book);
        this.work = Objects.requireNonNull(work);
        this.switched = Objects.requireNonNull(switched);
    }

    private record Loaded(NetworkChoice current, List<Item> items) { }

    private record Added(List<String> findings, Loaded loaded) { }

    @Override
    public void activate() {
        work.run(progress -> load(), this::show, failure -> status.set(UserMessages.describe(failure)));
    }

    @Override
    public void deactivate() {
        // nothing subscribed outside this object
    }

    private Loaded load() throws Exception {
        NetworkChoice now = wallet.network();
        List<Item> list = new ArrayList<>();
        // short labels: the list is narrow, and the line above it describes the network in full
        list.add(new Item(new NetworkChoice.LocalDevnet(), "Local devnet"));
        for (NetworkBook.OwnNetwork n : book.list(directory())) {
            list.add(new Item(new NetworkChoice.Own(n.name()), n.name() + " (chain " + n.chainId() + ")"));
        }
        if (list.stream().noneMatch(i -> i.choice().equals(now))) list.add(new Item(now, "This wallet's network"));
        return new Loaded(now, list);
    }

    private void show(Loaded l) {
        current.set(l.current().describe());
        items.setAll(l.items());
        selected.set(l.items().stream().filter(i -> i.choice().equals(l.current())).findFirst().orElse(null));
    }

    /** Checks the form's network on its chain and keeps it; the form empties when it was kept. */
    public void onAdd() {
        var entry = form.entry();
        if (entry.isEmpty()) {
            status.set(form.hintProperty().get());
            return;
        }
        findings.clear();
        status.set("");
        work.run(progress -> {
            progress.update(-1, "Asking " + entry.get().rpcUrl() + " about chain " + entry.get().chainId() + " and every contract");
            List<String> found = book.add(directory(), entry.get());
            return new Added(found, load());
        }, added -> {
            findings.setAll(added.findings());
            show(added.loaded());
            selected.set(items.stream().filter(i -> i.choice().equals(new NetworkChoice.Own(entry.get().name()))).findFirst().orElse(null));
            status.set("Added '" + entry.get().name() + "'. Press \"Use this network\" to switch to it.");
            form.clear();
        }, failure -> status.set("Not added: " + UserMessages.describe(failure)));
    }

    /** Stores the selected network as the wallet's and re-opens the wallet screens on it. */
    public void onUse() {
        Item item = selected.get();
        if (item == null) {
            status.set("Select a network first.");
            return;
        }
        work.run(progress -> {
            wallet.saveNetwork(item.choice());
            switched.run();
            return load();
        }, l -> {
            show(l);
            status.set("The wallet now works on " + item.label() + ". Its screens read from that chain from now on.");
        }, failure -> status.set("Not switched: " + UserMessages.describe(failure)));
    }

    private Path directory() throws Exception {
        return wallet.walletFile().orElseThrow(() -> new IllegalStateException("no wallet is open")).getParent();
    }

    public NetworkForm form() { return form; }
    public ObservableList<Item> items() { return items; }
    public ObjectProperty<Item> selectedProperty() { return selected; }
    public ObservableList<String> findings() { return findings; }
    public ReadOnlyStringProperty currentProperty() { return current.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public AsyncAction workAction() { return work; }
}
