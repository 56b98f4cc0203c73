package dev.latchkey.aa.submit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.aa.userop.PackedUserOperation;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.KeySender;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Submits a user operation without a bundler: calls {@code EntryPoint.handleOps([op], beneficiary)} in a
 * transaction signed by a funded key, which the account reimburses as the beneficiary.
 */
public final class DirectSubmitter implements UserOperationSubmitter {

    static final String HANDLE_OPS =
            "handleOps((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes)[],address)";
    static final String USER_OPERATION_EVENT = UserOperationEvent.TOPIC;

    private final EvmClient client;
    private final KeySender sender;
    private final Address entryPoint;
    private final long chainId;

    /** {@code submitterKey} pays the gas up front; keep the submitter short-lived (it holds the key). */
    public DirectSubmitter(EvmClient client, ECKeyPair submitterKey, Address entryPoint, long chainId) {
        this.client = client;
        this.sender = new KeySender(client, submitterKey, chainId);
        this.entryPoint = entryPoint;
        this.chainId = chainId;
    }

    @Override
    public Address entryPoint() {
        return entryPoint;
    }

    /** Sends handleOps and waits for it; the operation's own success is in {@link #awaitReceipt}. */
    @Override
    public HexBytes submit(UserOperation op) {
        String data = Abi.call(HANDLE_OPS, new DynamicArray<>(DynamicStruct.class, List.of(struct(op))),
                new org.web3j.abi.datatypes.Address(sender.address()));
        try {
            sender.send(entryPoint.hex(), BigInteger.ZERO, data);
        } catch (RpcException e) {
            throw new UserOperationException("handleOps from " + sender.address() + " failed (is the submitter"
                    + " funded, and does the account accept the signature?): " + EntryPointErrors.describe(e), e);
        }
        return UserOpHash.hash(op, entryPoint, BigInteger.valueOf(chainId));
    }

    /** The {@code PackedUserOperation} tuple of {@code op}, for handleOps and getUserOpHash. */
    public static DynamicStruct struct(UserOperation op) {
        PackedUserOperation p = PackedUserOperation.pack(op);
        return new DynamicStruct(new org.web3j.abi.datatypes.Address(p.sender().hex()), new Uint256(p.nonce()),
                new DynamicBytes(p.initCode().bytes()), new DynamicBytes(p.callData().bytes()),
                new Bytes32(p.accountGasLimits().bytes()), new Uint256(p.preVerificationGas()),
                new Bytes32(p.gasFees().bytes()), new DynamicBytes(p.paymasterAndData().bytes()),
                new DynamicBytes(p.signature().bytes()));
    }

    @Override
    public UserOperationReceipt awaitReceipt(HexBytes userOpHash, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode logs = client.rpc().call("eth_getLogs", Map.of("address", entryPoint.hex(), "fromBlock", "0x0",
                    "toBlock", "latest", "topics", List.of(UserOperationEvent.TOPIC, userOpHash.hex())));
            if (!logs.isEmpty()) {
                UserOperationEvent e = UserOperationEvent.of(logs.get(logs.size() - 1))
                        .orElseThrow(() -> new UserOperationException("the EntryPoint's log for " + userOpHash.hex() + " is not a UserOperationEvent"));
                return new UserOperationReceipt(userOpHash, e.success(), e.transactionHash(), e.actualGasCost());
            }
            if (System.nanoTime() > deadline) {
                throw new UserOperationException("no UserOperationEvent for " + userOpHash.hex() + " within "
                        + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserOperationException("interrupted while waiting for " + userOpHash.hex(), e);
            }
        }
    }
}
