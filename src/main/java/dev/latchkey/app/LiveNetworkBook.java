package dev.latchkey.app;

import dev.latchkey.trade.catalog.Token;
import dev.latchkey.ui.network.NetworkBook;
import dev.latchkey.ui.network.NewNetwork;
import dev.latchkey.wallet.NetworkAdding;
import dev.latchkey.wallet.NetworkCheck;
import dev.latchkey.wallet.UserNetwork;
import dev.latchkey.wallet.UserNetworks;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link NetworkBook} over the wallet's {@code networks.json} and {@link NetworkAdding}: the CLI's network add, unchanged. */
final class LiveNetworkBook implements NetworkBook {

    @Override
    public List<OwnNetwork> list(Path walletDirectory) {
        return new UserNetworks(walletDirectory).list().stream()
                .map(n -> new OwnNetwork(n.name(), n.chainId())).toList();
    }

    @Override
    public List<String> add(Path walletDirectory, NewNetwork entry) {
        return findings(NetworkAdding.add(new UserNetworks(walletDirectory), bare(entry), entry.tokens()));
    }

    private static UserNetwork bare(NewNetwork e) {
        return new UserNetwork(e.name(), e.chainId(), URI.create(e.rpcUrl()), e.bundlerUrl().map(URI::create),
                e.explorerUrl().map(URI::create), e.addresses(), List.of());
    }

    /** One line per contract and token, in words: what is there and what 'contracts deploy' still has to put there. */
    static List<String> findings(NetworkAdding.Checked checked) {
        List<String> lines = new ArrayList<>();
        long missing = checked.contracts().stream().filter(c -> c.state() == NetworkCheck.State.NOT_DEPLOYED).count();
        lines.add("Chain " + checked.network().chainId() + " answers at " + checked.network().rpcUrl() + ".");
        for (NetworkCheck.Checked c : checked.contracts()) {
            lines.add(c.name() + " at " + c.address() + ": " + switch (c.state()) {
                case VERIFIED -> "this build's code";
                case CODE_PRESENT -> "code present" + (c.override() ? " (your address)" : "");
                case NOT_DEPLOYED -> "not deployed yet";
            });
        }
        for (Token t : checked.network().tokens()) {
            lines.add(t.symbol() + " at " + t.address().checksummed() + ": " + t.decimals() + " decimals");
        }
        if (missing > 0) {
            lines.add(missing + " of Latchkey's contracts are not on this chain yet; run 'latchkey contracts deploy --network "
                    + checked.network().name() + " --key-file FILE' once (any funded key pays), then sessions can be built here.");
        }
        return lines;
    }
}
