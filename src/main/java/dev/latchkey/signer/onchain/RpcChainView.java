package dev.latchkey.signer.onchain;

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

    private static org.web3j.abi.datatypes.Address addr(Address a) {
        return new org.web3j.abi.datatypes.Address(a.hex());
    }
}
