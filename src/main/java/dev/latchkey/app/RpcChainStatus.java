package dev.latchkey.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.ui.status.BundlerHealth;
import dev.latchkey.ui.status.ChainStatusSource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The status bar's chain source over JSON-RPC: {@code eth_blockNumber} on the node, {@code eth_supportedEntryPoints}
 * on the bundler. Endpoints are looked up on every poll (a devnet restarted on other ports is followed); clients are
 * kept while the endpoint stays the same. Called from one background poll at a time.
 */
final class RpcChainStatus implements ChainStatusSource {

    /** Where to ask; {@code bundler} is null when operations go out directly. */
    record Endpoints(URI rpc, URI bundler, String entryPoint) {
        Endpoints {
            Objects.requireNonNull(rpc);
            Objects.requireNonNull(entryPoint);
        }
    }

    private final String name;
    private final Supplier<Endpoints> endpoints;
    private final Duration timeout;
    private EvmClient node;
    private JsonRpcClient bundler;

    RpcChainStatus(String name, Supplier<Endpoints> endpoints, Duration timeout) {
        this.name = Objects.requireNonNull(name);
        this.endpoints = Objects.requireNonNull(endpoints);
        this.timeout = Objects.requireNonNull(timeout);
    }

    @Override
    public String networkName() {
        return name;
    }

    @Override
    public synchronized long latestBlock() {
        URI rpc = endpoints.get().rpc();
        if (node == null || !node.rpc().uri().equals(rpc)) {
            if (node != null) {
                node.close();
            }
            node = new EvmClient(new JsonRpcClient(rpc, timeout));
        }
        return node.blockNumber().longValueExact();
    }

    @Override
    public synchronized BundlerHealth bundlerHealth() {
        Endpoints where;
        try {
            where = endpoints.get();
        } catch (RuntimeException e) {
            return new BundlerHealth.Unreachable(e.getMessage());
        }
        if (where.bundler() == null) {
            return new BundlerHealth.NotConfigured();
        }
        if (bundler == null || !bundler.uri().equals(where.bundler())) {
            if (bundler != null) {
                bundler.close();
            }
            bundler = new JsonRpcClient(where.bundler(), timeout);
        }
        try {
            JsonNode answer = bundler.call("eth_supportedEntryPoints");
            List<String> supported = new ArrayList<>();
            answer.forEach(node -> supported.add(node.asText()));
            String wanted = where.entryPoint().toLowerCase(Locale.ROOT);
            return supported.stream().anyMatch(ep -> ep.toLowerCase(Locale.ROOT).equals(wanted))
                    ? new BundlerHealth.Healthy(supported)
                    : new BundlerHealth.WrongEntryPoint(supported);
        } catch (RpcException e) {
            return new BundlerHealth.Unreachable(e.getMessage());
        }
    }
}
