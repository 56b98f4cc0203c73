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
    /** A uint256 has at most 78 decimal digits (or 64 hex digits); longer text is not a quantity. */
    private static final int MAX_QUANTITY_CHARS = 80;

    public JsonRpcClient rpc() {
        return rpc;
    }

    public long chainId() {
        return quantity("eth_chainId", rpc.call("eth_chainId")).longValueExact();
    }

    public BigInteger blockNumber() {
        return quantity("eth_blockNumber", rpc.call("eth_blockNumber"));
    }

    public BigInteger balance(String address) {
        return quantity("eth_getBalance", rpc.call("eth_getBalance", address, "latest"));
    }

    public String code(String address) {
        return data("eth_getCode", rpc.call("eth_getCode", address, "latest"));
    }

    public boolean hasCode(String address) {
        String code = code(address);
        return code.length() > 2;
    }

    public BigInteger transactionCount(String address) {
        return quantity("eth_getTransactionCount", rpc.call("eth_getTransactionCount", address, "pending"));
    }

    /** Base fee of the latest block (0 when the node has no EIP-1559). */
    public BigInteger baseFee() {
        JsonNode block = latestBlock();
        JsonNode fee = block.get("baseFeePerGas");
        return fee == null || fee.isNull() ? BigInteger.ZERO : quantity("the block's baseFeePerGas", fee);
    }

    /** Timestamp (unix seconds) of the latest block. */
    public long latestTimestamp() {
        return quantity("the block's timestamp", latestBlock().path("timestamp")).longValueExact();
    }

    private JsonNode latestBlock() {
        JsonNode block = rpc.call("eth_getBlockByNumber", "latest", false);
        if (!block.isObject()) throw RpcException.malformed("eth_getBlockByNumber", "a block object", block);
        return block;
    }

    public BigInteger maxPriorityFee() {
        return quantity("eth_maxPriorityFeePerGas", rpc.call("eth_maxPriorityFeePerGas"));
    }

    /** eth_call at latest; returns the 0x-hex result or throws {@link RpcException} with the revert data. */
    public String call(String from, String to, String data) {
        Map<String, Object> tx = new LinkedHashMap<>();
        if (from != null) {
            tx.put("from", from);
        }
        tx.put("to", to);
        tx.put("data", data);
        return data("eth_call", rpc.call("eth_call", tx, "latest"));
    }

    public String call(String to, String data) {
        return call(null, to, data);
    }

    public BigInteger estimateGas(String from, String to, BigInteger value, String data) {
        return quantity("eth_estimateGas", rpc.call("eth_estimateGas", transaction(from, to, value, data, null)));
    }

    /** eth_sendTransaction from an account the node unlocked (anvil's dev accounts); returns the hash. */
    public String sendFromUnlocked(String from, String to, BigInteger value, String data, BigInteger gas) {
        return data("eth_sendTransaction", rpc.call("eth_sendTransaction", transaction(from, to, value, data, gas)));
    }

    public String sendRaw(String signedTransaction) {
        return data("eth_sendRawTransaction", rpc.call("eth_sendRawTransaction", signedTransaction));
    }

    /** Polls for the receipt of {@code hash}; fails after a minute. */
    public TxReceipt waitForReceipt(String hash) {
        long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
        long sleepMillis = 5;
        while (true) {
            JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
            if (receipt != null && !receipt.isNull() && !receipt.isMissingNode()) {
                if (!receipt.isObject()) throw RpcException.malformed("eth_getTransactionReceipt", "a receipt object or null", receipt);
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

    /** Parses a JSON-RPC quantity (0x-hex or decimal); anything else is {@link RpcException.Failure#MALFORMED_ANSWER}. */
    public static BigInteger quantity(JsonNode node) {
        return quantity("a call", node);
    }

    /** {@link #quantity(JsonNode)} naming what was read ({@code what}: the method or field) in the error. */
    public static BigInteger quantity(String what, JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.bigIntegerValue().signum() >= 0) return node.bigIntegerValue();
        String text = node != null && node.isTextual() ? node.asText() : null;
        if (text != null && text.length() <= MAX_QUANTITY_CHARS) {
            if (text.matches("0[xX][0-9a-fA-F]*")) return text.length() == 2 ? BigInteger.ZERO : new BigInteger(text.substring(2), 16);
            if (text.matches("[0-9]+")) return new BigInteger(text);
        }
        throw RpcException.malformed(what, "a number (hex quantity)", node);
    }

    /** A 0x-hex data result (call output, code, hash); anything else is {@link RpcException.Failure#MALFORMED_ANSWER}. */
    public static String data(String what, JsonNode node) {
        String text = node != null && node.isTextual() ? node.asText() : null;
        if (text == null || !text.matches("0[xX]([0-9a-fA-F]{2})*")) throw RpcException.malformed(what, "0x-hex data", node);
        return text;
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
