package dev.latchkey.signer.onchain;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.ChainView;
import java.math.BigInteger;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint192;

/**
 * {@link ChainView} over a node: block time and base fee from the {@link HeadWatcher} snapshot (no round trip while
 * it is fresh), nonces and permission state by {@code eth_call} at the latest block.
 */
public final class RpcChainView implements ChainView {

    private static final BigInteger SEQ_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final EvmClient node;
    private final HeadWatcher head;
    private final Address entryPoint;
    private final long chainId;

    public RpcChainView(EvmClient node, HeadWatcher head, Address entryPoint, long chainId) {
        this.node = node;
        this.head = head;
        this.entryPoint = entryPoint;
        this.chainId = chainId;
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
    public BigInteger baseFee() {
        return head.current().baseFee();
    }

    @Override
    public long nextSequence(Address sender, BigInteger nonceKey) {
        String r = node.call(entryPoint.hex(), Abi.call("getNonce(address,uint192)", addr(sender), new Uint192(nonceKey)));
        return Abi.word(r, 0).and(SEQ_MASK).longValueExact();
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
