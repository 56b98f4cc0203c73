package dev.latchkey.aa;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.KeySender;
import dev.latchkey.chain.RpcException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Submits a user operation without a bundler: calls {@code EntryPoint.handleOps([op], beneficiary)} in a
 * transaction signed by a funded key, which is reimbursed by the account as the beneficiary.
 */
public final class DirectSubmitter implements UserOperationSubmitter {

    static final String HANDLE_OPS =
            "handleOps((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes)[],address)";
    static final String USER_OPERATION_EVENT = Numeric.toHexString(Hash.sha3(
            "UserOperationEvent(bytes32,address,address,uint256,bool,uint256,uint256)".getBytes(StandardCharsets.US_ASCII)));

    private final EvmClient client;
    private final KeySender sender;
    private final String entryPoint;
    private final long chainId;

    public DirectSubmitter(EvmClient client, ECKeyPair submitterKey, String entryPoint, long chainId) {
        this.client = client;
        this.sender = new KeySender(client, submitterKey, chainId);
        this.entryPoint = entryPoint;
        this.chainId = chainId;
    }

    @Override
    public String entryPoint() {
        return entryPoint;
    }

    /** Sends handleOps and waits for it; the operation's own success is in {@link #awaitReceipt}. */
    @Override
    public String submit(PackedUserOperation op) {
        String data = Abi.call(HANDLE_OPS, new DynamicArray<>(DynamicStruct.class, List.of(op.toStruct())),
                new Address(sender.address()));
        try {
            sender.send(entryPoint, BigInteger.ZERO, data);
        } catch (RpcException e) {
            throw new UserOperationException("handleOps from " + sender.address() + " failed (is the submitter"
                    + " funded, and does the account validate the signature?): " + e.getMessage(), e);
        }
        return Numeric.toHexString(op.hash(entryPoint, chainId));
    }

    @Override
    public UserOperationReceipt awaitReceipt(String userOpHash, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var logs = client.rpc().call("eth_getLogs", java.util.Map.of("address", entryPoint, "fromBlock", "0x0",
                    "toBlock", "latest", "topics", List.of(USER_OPERATION_EVENT, userOpHash)));
            if (logs.size() > 0) {
                var log = logs.get(logs.size() - 1);
                String data = log.path("data").asText();
                return new UserOperationReceipt(userOpHash, Abi.word(data, 1).signum() == 1,
                        log.path("transactionHash").asText(), Abi.word(data, 2));
            }
            if (System.nanoTime() > deadline) {
                throw new UserOperationException("no UserOperationEvent for " + userOpHash + " within "
                        + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserOperationException("interrupted while waiting for " + userOpHash, e);
            }
        }
    }
}
