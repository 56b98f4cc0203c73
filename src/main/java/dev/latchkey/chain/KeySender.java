package dev.latchkey.chain;

import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Signs EIP-1559 transactions with a local key and sends them. Keep instances short-lived: the key is held as
 * web3j's immutable {@link ECKeyPair} (style-anchors §5.4 item 5).
 */
public final class KeySender {

    private static final BigInteger PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);

    private final EvmClient client;
    private final ECKeyPair key;
    private final long chainId;
    private final String address;

    public KeySender(EvmClient client, ECKeyPair key, long chainId) {
        this.client = client;
        this.key = key;
        this.chainId = chainId;
        this.address = Credentials.create(key).getAddress();
    }

    public String address() {
        return address;
    }

    /** Estimates, signs, sends and waits; throws {@link RpcException} naming the revert when the call fails. */
    public TxReceipt send(String to, BigInteger value, String data) {
        BigInteger gas = client.estimateGas(address, to, value, data);
        return send(to, value, data, gas.multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN)
                .add(BigInteger.valueOf(20_000)));
    }

    /** Signs and sends with a fixed gas limit, then waits for the receipt. */
    public TxReceipt send(String to, BigInteger value, String data, BigInteger gasLimit) {
        BigInteger nonce = client.transactionCount(address);
        BigInteger maxFee = client.baseFee().multiply(BigInteger.TWO).add(PRIORITY_FEE);
        RawTransaction tx = RawTransaction.createTransaction(chainId, nonce, gasLimit, to,
                value == null ? BigInteger.ZERO : value, data, PRIORITY_FEE, maxFee);
        byte[] signed = TransactionEncoder.signMessage(tx, chainId, Credentials.create(key));
        TxReceipt receipt = client.waitForReceipt(client.sendRaw(Numeric.toHexString(signed)));
        if (!receipt.success()) {
            throw new RpcException("transaction " + receipt.transactionHash() + " from " + address + " to " + to
                    + " reverted", null);
        }
        return receipt;
    }
}
