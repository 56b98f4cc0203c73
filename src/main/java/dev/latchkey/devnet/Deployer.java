package dev.latchkey.devnet;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.chain.TxReceipt;
import java.math.BigInteger;
import org.web3j.abi.datatypes.Type;

/** Sends the devnet's setup transactions from anvil's unlocked deployer account. */
final class Deployer {

    /** A fixed limit saves an eth_estimateGas round trip per transaction; anvil refunds what is unused. */
    private static final BigInteger GAS = BigInteger.valueOf(25_000_000);

    private final EvmClient client;
    private final String from;
    private final DevnetProgress progress;

    Deployer(EvmClient client, String from, DevnetProgress progress) {
        this.client = client;
        this.from = from;
        this.progress = progress;
    }

    EvmClient client() {
        return client;
    }

    String from() {
        return from;
    }

    void progress(String message) {
        progress.step(message);
    }

    /** Deploys {@code bytecode} with constructor {@code args}; returns the new address. */
    @SuppressWarnings("rawtypes")
    String deploy(String label, String bytecode, Type... args) {
        TxReceipt receipt = transact(label, null, BigInteger.ZERO, bytecode + Abi.encodeArgs(args));
        if (receipt.contractAddress() == null) {
            throw new DevnetException("deploying " + label + " created no contract");
        }
        return receipt.contractAddress();
    }

    /** Calls {@code signature(args)} on {@code to}. */
    @SuppressWarnings("rawtypes")
    TxReceipt send(String to, String signature, Type... args) {
        return transact(signature, to, BigInteger.ZERO, Abi.call(signature, args));
    }

    TxReceipt transact(String label, String to, BigInteger value, String data) {
        TxReceipt receipt = client.waitForReceipt(client.sendFromUnlocked(from, to, value, data, GAS));
        if (!receipt.success()) {
            String reason;
            try {
                client.call(from, to, data);
                reason = "no revert reason";
            } catch (RpcException e) {
                reason = e.getMessage();
            }
            throw new DevnetException("devnet setup step '" + label + "' reverted: " + reason);
        }
        return receipt;
    }

    /** eth_call of {@code signature(args)}; returns the raw result. */
    @SuppressWarnings("rawtypes")
    String call(String to, String signature, Type... args) {
        return client.call(to, Abi.call(signature, args));
    }
}
