package dev.latchkey.aa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.chain.RpcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Submits through an ERC-4337 bundler's JSON-RPC (eth_sendUserOperation, eth_getUserOperationReceipt). */
public final class BundlerSubmitter implements UserOperationSubmitter {

    private final JsonRpcClient bundler;
    private final String entryPoint;

    public BundlerSubmitter(JsonRpcClient bundler, String entryPoint) {
        this.bundler = bundler;
        this.entryPoint = entryPoint;
    }

    @Override
    public String entryPoint() {
        return entryPoint;
    }

    /** eth_supportedEntryPoints: the EntryPoints this bundler serves. */
    public List<String> supportedEntryPoints() {
        List<String> out = new ArrayList<>();
        bundler.call("eth_supportedEntryPoints").forEach(node -> out.add(node.asText()));
        return out;
    }

    @Override
    public String submit(PackedUserOperation op) {
        try {
            return bundler.call("eth_sendUserOperation", op.toRpcJson(), entryPoint).asText();
        } catch (RpcException e) {
            throw new UserOperationException("the bundler at " + bundler.uri() + " rejected the operation: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public UserOperationReceipt awaitReceipt(String userOpHash, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode receipt = bundler.call("eth_getUserOperationReceipt", userOpHash);
            if (receipt != null && !receipt.isNull() && !receipt.isMissingNode()) {
                return new UserOperationReceipt(userOpHash, receipt.path("success").asBoolean(),
                        receipt.path("receipt").path("transactionHash").asText(),
                        EvmClient.quantity(receipt.path("actualGasCost")));
            }
            if (System.nanoTime() > deadline) {
                throw new UserOperationException("the bundler did not include user operation " + userOpHash
                        + " within " + timeout.toSeconds() + " s; check the bundler log");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserOperationException("interrupted while waiting for " + userOpHash, e);
            }
        }
    }
}
