package dev.latchkey.signer.onchain;

import dev.latchkey.aa.submit.UserOperationEvent;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.ChainView;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint192;

/**
 * {@link ChainView} over a node: block time and base fee from the {@link HeadWatcher} snapshot (no round trip while
 * it is fresh), nonces and permission state by {@code eth_call} at the latest block; {@link #knownNextSequence} from
 * a per-key value read once and refreshed on every new block in the background.
 */
public final class RpcChainView implements ChainView {

    private static final BigInteger SEQ_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final EvmClient node;
    private final HeadWatcher head;
    private final Address entryPoint;
    private final long chainId;

    /** Keys whose next sequence was read once; refreshed on every new block by the head watcher's thread. */
    private record NonceSlot(Address sender, BigInteger key) { }

    private final Map<NonceSlot, Long> known = new ConcurrentHashMap<>();

    public RpcChainView(EvmClient node, HeadWatcher head, Address entryPoint, long chainId) {
        this.node = node;
        this.head = head;
        this.entryPoint = entryPoint;
        this.chainId = chainId;
        head.onNewBlock(() -> known.keySet().forEach(k -> {
            try {
                nextSequence(k.sender(), k.key());
            } catch (RuntimeException e) {
                // a failed background read keeps the last value; the trade path's journal sequence still applies
            }
        }));
    }

    @Override
    public long knownNextSequence(Address sender, BigInteger nonceKey) {
        Long v = known.get(new NonceSlot(sender, nonceKey));
        return v != null ? v : nextSequence(sender, nonceKey);
    }

    @Override
    public long chainId() {
        return chainId;
    }

    @Override
    public long chainTime() {
        return head.current().timestamp();
    }

    @Override
    public long freshChainTime() {
        return head.refresh().timestamp();
    }

    @Override
    public BigInteger baseFee() {
        return head.current().baseFee();
    }

    @Override
    public long nextSequence(Address sender, BigInteger nonceKey) {
        String r = node.call(entryPoint.hex(), Abi.call("getNonce(address,uint192)", addr(sender), new Uint192(nonceKey)));
        long next = Abi.word(r, 0).and(SEQ_MASK).longValueExact();
        known.merge(new NonceSlot(sender, nonceKey), next, Math::max);
        return next;
    }

    @Override
    public Permission permission(Address smartSession, HexBytes permissionId, Address account) {
        String enabled = node.call(smartSession.hex(), Abi.call("isPermissionEnabled(bytes32,address)",
                new Bytes32(permissionId.bytes()), addr(account)));
        String nonce = node.call(smartSession.hex(), Abi.call("getNonce(bytes32,address)",
                new Bytes32(permissionId.bytes()), addr(account)));
        return new Permission(Abi.word(enabled, 0).signum() != 0, Abi.word(nonce, 0));
    }

    /** EntryPoint v0.7 {@code UserOperationEvent(bytes32 indexed, address indexed, address indexed, uint256, bool, uint256, uint256)}. */

    /**
     * {@code eth_getLogs} of the EntryPoint's UserOperationEvents with {@code sender} as topic, filtered to the key and
     * sequences asked for; each op's callData from {@code eth_getTransactionByHash}, its time from the block. Scans from
     * block 0 (a devnet or a young account; a start block per account is left open, docs/signer.md).
     */
    @Override
    public java.util.List<Landed> landed(Address sender, BigInteger nonceKey, long fromSeq) {
        String topic = "0x" + "0".repeat(24) + sender.hex().substring(2).toLowerCase(java.util.Locale.ROOT);
        com.fasterxml.jackson.databind.JsonNode logs = node.rpc().call("eth_getLogs", Map.of("address", entryPoint.hex(),
                "fromBlock", "0x0", "toBlock", "latest", "topics", java.util.Arrays.asList(UserOperationEvent.TOPIC, null, topic)));
        java.util.List<Landed> out = new java.util.ArrayList<>();
        Map<String, HexBytes> inputs = new java.util.HashMap<>();
        Map<String, Long> times = new java.util.HashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode log : logs) {
            UserOperationEvent event = UserOperationEvent.of(log).orElseThrow(() -> new IllegalStateException("not a UserOperationEvent"));
            BigInteger nonce = event.nonce();
            long seq = nonce.and(SEQ_MASK).longValueExact();
            if (!nonce.shiftRight(64).equals(nonceKey) || seq < fromSeq) continue;
            String tx = log.path("transactionHash").asText();
            HexBytes input = inputs.computeIfAbsent(tx, h -> HexBytes.parse("input",
                    node.rpc().call("eth_getTransactionByHash", h).path("input").asText()));
            String blockHex = log.path("blockNumber").asText();
            long time = times.computeIfAbsent(blockHex, b -> new BigInteger(node.rpc().call("eth_getBlockByNumber", b, false)
                    .path("timestamp").asText().substring(2), 16).longValueExact());
            HexBytes callData = BundleCalldata.callDataOf(input, sender.hex(), nonce).orElse(HexBytes.of(new byte[0]));
            out.add(new Landed(event.userOpHash(), seq, event.success(), tx, event.blockNumber(), time, callData));
        }
        out.sort(java.util.Comparator.comparingLong(Landed::seq));
        return out;
    }

    private static org.web3j.abi.datatypes.Address addr(Address a) {
        return new org.web3j.abi.datatypes.Address(a.hex());
    }
}
