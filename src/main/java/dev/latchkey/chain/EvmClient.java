package dev.latchkey.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.utils.Numeric;

/** Typed access to the eth_* methods the wallet and the devnet use, on top of {@link JsonRpcClient}. */
public final class EvmClient implements AutoCloseable {

    private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(60);

    private final JsonRpcClient rpc;

    public EvmClient(JsonRpcClient rpc) {
        this.rpc = rpc;
    }

    public EvmClient(String url) {
        this(new JsonRpcClient(url));
    }

    /** The underlying JSON-RPC client, for node-specific methods (anvil_*, evm_*). */
    public JsonRpcClient rpc() {
        return rpc;
    }

    public long chainId() {
        return quantity(rpc.call("eth_chainId")).longValueExact();
    }

    public BigInteger blockNumber() {
        return quantity(rpc.call("eth_blockNumber"));
    }

    public BigInteger balance(String address) {
        return quantity(rpc.call("eth_getBalance", address, "latest"));
    }

    public String code(String address) {
        return rpc.call("eth_getCode", address, "latest").asText();
    }

    public boolean hasCode(String address) {
        String code = code(address);
        return code.length() > 2;
    }

    public BigInteger transactionCount(String address) {
        return quantity(rpc.call("eth_getTransactionCount", address, "pending"));
    }

    /** Base fee of the latest block (0 when the node has no EIP-1559). */
    public BigInteger baseFee() {
        JsonNode block = rpc.call("eth_getBlockByNumber", "latest", false);
        JsonNode fee = block.get("baseFeePerGas");
        return fee == null || fee.isNull() ? BigInteger.ZERO : quantity(fee);
    }

    /** Timestamp (unix seconds) of the latest block. */
    public long latestTimestamp() {
        return quantity(rpc.call("eth_getBlockByNumber", "latest", false).path("timestamp")).longValueExact();
    }

    public BigInteger maxPriorityFee() {
        return quantity(rpc.call("eth_maxPriorityFeePerGas"));
    }

    /** eth_call at latest; returns the 0x-hex result or throws {@link RpcException} with the revert data. */
    public String call(String from, String to, String data) {
        Map<String, Object> tx = new LinkedHashMap<>();
        if (from != null) {
            tx.put("from", from);
        }
        tx.put("to", to);
        tx.put("data", data);
        return rpc.call("eth_call", tx, "latest").asText();
    }

    public String call(String to, String data) {
        return call(null, to, data);
    }

    public BigInteger estimateGas(String from, String to, BigInteger value, String data) {
        return quantity(rpc.call("eth_estimateGas", transaction(from, to, value, data, null)));
    }

    /** eth_sendTransaction from an account the node unlocked (anvil's dev accounts); returns the hash. */
    public String sendFromUnlocked(String from, String to, BigInteger value, String data, BigInteger gas) {
        return rpc.call("eth_sendTransaction", transaction(from, to, value, data, gas)).asText();
    }

    public String sendRaw(String signedTransaction) {
        return rpc.call("eth_sendRawTransaction", signedTransaction).asText();
    }

    /** Polls for the receipt of {@code hash}; fails after a minute. */
    public TxReceipt waitForReceipt(String hash) {
        long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
        long sleepMillis = 5;
        while (true) {
            JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
            if (receipt != null && !receipt.isNull() && !receipt.isMissingNode()) {
                return toReceipt(receipt);
            }
            if (System.nanoTime() > deadline) {
                throw new RpcException("no receipt for transaction " + hash + " after " + RECEIPT_TIMEOUT.toSeconds()
                        + " s; is the node mining?", null);
            }
            sleep(sleepMillis);
            sleepMillis = Math.min(sleepMillis * 2, 250);
        }
    }

    static TxReceipt toReceipt(JsonNode receipt) {
        List<TxReceipt.Log> logs = new ArrayList<>();
        for (JsonNode log : receipt.path("logs")) {
            List<String> topics = new ArrayList<>();
            log.path("topics").forEach(t -> topics.add(t.asText()));
            logs.add(new TxReceipt.Log(log.path("address").asText(), topics, log.path("data").asText()));
        }
        JsonNode created = receipt.get("contractAddress");
        return new TxReceipt(receipt.path("transactionHash").asText(),
                quantity(receipt.path("status")).signum() == 1,
                created == null || created.isNull() ? null : created.asText(),
                quantity(receipt.path("gasUsed")), logs);
    }

    private static Map<String, Object> transaction(String from, String to, BigInteger value, String data,
                                                   BigInteger gas) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("from", from);
        if (to != null) {
            tx.put("to", to);
        }
        if (value != null && value.signum() > 0) {
            tx.put("value", Numeric.encodeQuantity(value));
        }
        if (gas != null) {
            tx.put("gas", Numeric.encodeQuantity(gas));
        }
        tx.put("data", data == null ? "0x" : data);
        return tx;
    }

    /** Parses a JSON-RPC quantity (0x-hex or decimal). */
    public static BigInteger quantity(JsonNode node) {
        String text = node.asText();
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return text.length() == 2 ? BigInteger.ZERO : new BigInteger(text.substring(2), 16);
        }
        return text.isEmpty() ? BigInteger.ZERO : new BigInteger(text);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted while waiting for a receipt", e);
        }
    }

    @Override
    public void close() {
        rpc.close();
    }
}
