package dev.latchkey.aa.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.aa.userop.UserOpJson;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Submits through an ERC-4337 bundler's JSON-RPC (eth_sendUserOperation, eth_getUserOperationReceipt). */
public final class BundlerSubmitter implements UserOperationSubmitter {

    private final JsonRpcClient bundler;
    private final Address entryPoint;
    private final ObjectMapper mapper = new ObjectMapper();

    public BundlerSubmitter(JsonRpcClient bundler, Address entryPoint) {
        this.bundler = bundler;
        this.entryPoint = entryPoint;
    }

    @Override
    public Address entryPoint() {
        return entryPoint;
    }

    /** eth_supportedEntryPoints: the EntryPoints this bundler serves. */
    public List<Address> supportedEntryPoints() {
        List<Address> out = new ArrayList<>();
        bundler.call("eth_supportedEntryPoints").forEach(node -> out.add(Address.parse("entryPoint", node.asText())));
        return out;
    }

    @Override
    public HexBytes submit(UserOperation op) {
        try {
            String hash = bundler.call("eth_sendUserOperation", UserOpJson.write(op, mapper), entryPoint.hex()).asText();
            return HexBytes.parse("userOpHash", hash);
        } catch (RpcException e) {
            throw new UserOperationException("the bundler at " + bundler.uri() + " rejected the operation: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public UserOperationReceipt awaitReceipt(HexBytes userOpHash, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode receipt = bundler.call("eth_getUserOperationReceipt", userOpHash.hex());
            if (receipt != null && !receipt.isNull() && !receipt.isMissingNode()) {
                return new UserOperationReceipt(userOpHash, receipt.path("success").asBoolean(),
                        receipt.path("receipt").path("transactionHash").asText(),
                        EvmClient.quantity(receipt.path("actualGasCost")));
            }
            if (System.nanoTime() > deadline) {
                throw new UserOperationException("the bundler did not include user operation " + userOpHash.hex()
                        + " within " + timeout.toSeconds() + " s; check the bundler log");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserOperationException("interrupted while waiting for " + userOpHash.hex(), e);
            }
        }
    }
}
