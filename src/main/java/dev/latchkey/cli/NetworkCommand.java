package dev.latchkey.cli;

import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.keystore.WalletLocation;
import dev.latchkey.wallet.NetworkAdding;
import dev.latchkey.wallet.NetworkCheck;
import dev.latchkey.wallet.UserNetwork;
import dev.latchkey.wallet.UserNetworks;
import dev.latchkey.wallet.WalletException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code latchkey network add|list|show|remove}: the user's own networks (docs/wallet.md, "User networks"). */
@Command(name = "network", mixinStandardHelpOptions = true, description = "Your own EVM networks: add, list, show, remove.",
        subcommands = {NetworkCommand.Add.class, NetworkCommand.ListNetworks.class, NetworkCommand.Show.class,
                NetworkCommand.Remove.class})
public final class NetworkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Shared options and error mapping; nothing here needs the wallet password (no secret is stored). */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Output output;
        @Option(names = "--wallet-dir", paramLabel = "DIR", description = "Wallet directory (default: the OS data directory).")
        Path walletDir;

        abstract Map<String, Object> execute();

        UserNetworks store() {
            return new UserNetworks(WalletLocation.walletFile(walletDir).getParent());
        }

        @Override
        public final Integer call() {
            String prefix = "latchkey network " + spec.name();
            try {
                output.print(spec, execute());
                return 0;
            } catch (WalletException e) {
                return ChainCommand.fail(output, spec, prefix, e);
            } catch (RpcException e) {
                return output.fail(spec, prefix, "Network", e.getMessage(), ChainCommand.EXIT_NETWORK);
            }
        }

        static List<Map<String, Object>> rows(List<NetworkCheck.Checked> checked) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (NetworkCheck.Checked c : checked) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", c.name());
                row.put("address", c.address());
                row.put("override", c.override());
                row.put("state", c.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                rows.add(row);
            }
            return rows;
        }

        static Map<String, Object> describe(UserNetwork n) {
            Map<String, Object> out = Output.result();
            out.put("name", n.name());
            out.put("chainId", n.chainId());
            out.put("rpcUrl", n.rpcUrl().toString());
            out.put("bundlerUrl", n.bundlerUrl().map(URI::toString).orElse(null));
            out.put("explorerUrl", n.explorerUrl().map(URI::toString).orElse(null));
            out.put("addresses", n.addresses());
            out.put("tokens", n.tokens().stream().map(t -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("symbol", t.symbol());
                row.put("address", t.address().hex());
                row.put("decimals", t.decimals());
                return row;
            }).toList());
            return out;
        }

        static List<NetworkCheck.Checked> check(UserNetwork n) {
            try (EvmClient client = new EvmClient(n.rpcUrl().toString())) {
                return NetworkCheck.check(n, client);
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a network after checking its chain id and every contract address on it.")
    static final class Add extends Base {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--chain-id", required = true) long chainId;
        @Option(names = "--rpc-url", required = true, paramLabel = "URL") URI rpcUrl;
        @Option(names = "--bundler-url", paramLabel = "URL") URI bundlerUrl;
        @Option(names = "--explorer-url", paramLabel = "URL") URI explorerUrl;
        @Option(names = "--address", paramLabel = "CONTRACT=ADDRESS",
                description = "An address replacing the computed one (repeatable), e.g. SmartSession=0x…")
        Map<String, String> addresses = new LinkedHashMap<>();
        @Option(names = "--token", paramLabel = "SYMBOL=ADDRESS",
                description = "An ERC-20 token to offer (repeatable), e.g. USDC=0x…; its decimals are read from the chain.")
        Map<String, String> tokens = new LinkedHashMap<>();

        @Override
        Map<String, Object> execute() {
            UserNetwork bare = new UserNetwork(name, chainId, rpcUrl, Optional.ofNullable(bundlerUrl),
                    Optional.ofNullable(explorerUrl), addresses, List.of());
            NetworkAdding.Checked checked = NetworkAdding.add(store(), bare, tokens);
            UserNetwork network = checked.network();
            Map<String, Object> out = describe(network);
            out.put("contracts", rows(checked.contracts()));
            return out;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List your networks.")
    static final class ListNetworks extends Base {
        @Override
        Map<String, Object> execute() {
            Map<String, Object> out = Output.result();
            out.put("networks", store().list().stream().map(Base::describe).toList());
            return out;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a network and check it again on its chain.")
    static final class Show extends Base {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        Map<String, Object> execute() {
            UserNetwork network = store().get(name).orElseThrow(() -> new WalletException(WalletException.Kind.NOT_FOUND,
                    "no network named '" + name + "'"));
            Map<String, Object> out = describe(network);
            out.put("contracts", rows(check(network)));
            return out;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a network.")
    static final class Remove extends Base {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        Map<String, Object> execute() {
            store().remove(name);
            Map<String, Object> out = Output.result();
            out.put("removed", name);
            return out;
        }
    }
}
