package dev.latchkey.aa.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.aa.submit.BundlerSubmitter;
import dev.latchkey.aa.submit.DirectSubmitter;
import dev.latchkey.aa.submit.UserOperationException;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.aa.submit.UserOperationSubmitter;
import dev.latchkey.aa.userop.UserOpJson;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.chain.RevertReasons;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicStruct;

/**
 * Gas, fees, submission and receipt tracking for one chain. Through a bundler, limits come from
 * {@code eth_estimateUserOperationGas} with stub signatures; in direct mode they are fixed and generous, and every
 * operation is first simulated with an {@code eth_call} of {@code handleOps}.
 */
public final class OperationSender {

    /** Direct mode's fixed limits: enough for deploy + ENABLE (policy initialisation) + a few calls. */
    public static final BigInteger DIRECT_VERIFICATION_GAS = BigInteger.valueOf(3_000_000);
    public static final BigInteger DIRECT_CALL_GAS = BigInteger.valueOf(1_000_000);
    public static final BigInteger DIRECT_PRE_VERIFICATION_GAS = BigInteger.valueOf(150_000);

    private final EvmClient node;
    private final UserOperationSubmitter submitter;
    private final Optional<JsonRpcClient> bundler;
    private final Address directFrom;
    private final Duration receiptTimeout;
    private final ObjectMapper mapper = new ObjectMapper();
    private RevertReasons reverts;

    /** Loaded on the first failure only: the packaged ABIs are read to name our contracts' custom errors. */
    private synchronized RevertReasons reverts() {
        if (reverts == null) reverts = RevertReasons.load(dev.latchkey.chain.ContractArtifacts.loadFromClasspath());
        return reverts;
    }

    private OperationSender(EvmClient node, UserOperationSubmitter submitter, Optional<JsonRpcClient> bundler,
                            Address directFrom, Duration receiptTimeout) {
        this.node = node;
        this.submitter = submitter;
        this.bundler = bundler;
        this.directFrom = directFrom;
        this.receiptTimeout = receiptTimeout;
    }

    public static OperationSender viaBundler(EvmClient node, JsonRpcClient bundler, Address entryPoint, Duration receiptTimeout) {
        return new OperationSender(node, new BundlerSubmitter(bundler, entryPoint), Optional.of(bundler), null, receiptTimeout);
    }

    /** {@code from} is the address of the key inside {@code submitter} (used as eth_call sender for simulations). */
    public static OperationSender direct(EvmClient node, DirectSubmitter submitter, Address from, Duration receiptTimeout) {
        return new OperationSender(node, submitter, Optional.empty(), from, receiptTimeout);
    }

    public boolean isDirect() {
        return submitter instanceof DirectSubmitter;
    }

    public EvmClient node() {
        return node;
    }

    /** Fills gas limits and fees of {@code stubSigned} (an operation carrying a stub signature of the real shape). */
    public UserOperation withGasAndFees(UserOperation stubSigned) {
        return estimate(withFixedGasAndFees(stubSigned));
    }

    /** Current fees and direct mode's fixed, generous limits: an upper bound good for checks before estimation. */
    public UserOperation withFixedGasAndFees(UserOperation op) {
        BigInteger priority = node.maxPriorityFee();
        BigInteger maxFee = node.baseFee().multiply(BigInteger.TWO).add(priority);
        return op.withGas(DIRECT_CALL_GAS, DIRECT_VERIFICATION_GAS, DIRECT_PRE_VERIFICATION_GAS, maxFee, priority);
    }

    /** Through a bundler: limits from eth_estimateUserOperationGas (stub signature); direct: unchanged. */
    public UserOperation estimate(UserOperation priced) {
        BigInteger maxFee = priced.maxFeePerGas();
        BigInteger priority = priced.maxPriorityFeePerGas();
        if (bundler.isEmpty()) return priced;
        JsonNode est;
        try {
            est = bundler.get().call("eth_estimateUserOperationGas", UserOpJson.write(priced, mapper), submitter.entryPoint().hex());
        } catch (RpcException e) {
            if (e.code() == 0) {
                // No answer at all: a network failure (CLI exit 5), not a verdict on the operation.
                throw new RpcException("the bundler did not answer: " + e.getMessage(), e);
            }
            String why = reverts().humanize(e.getMessage() + (e.data() == null || e.getMessage().contains(e.data()) ? "" : " " + e.data()));
            if (why.contains("AA20")) {
                // A session operation carries no initCode: the account must exist first (docs/wallet.md §2).
                throw new UserOperationException("the account " + priced.sender().checksummed() + " is not deployed on this"
                        + " network yet; send it ETH and run 'latchkey account deploy' (one owner-signed operation)", e);
            }
            throw new UserOperationException("the bundler could not estimate gas (the operation would fail): " + why, e);
        }
        // 20 % head room on verification and call gas: the real signature differs from the stub in a few bytes.
        return priced.withGas(margin(EvmClient.quantity(est.path("callGasLimit"))),
                margin(EvmClient.quantity(est.path("verificationGasLimit"))),
                EvmClient.quantity(est.path("preVerificationGas")).add(BigInteger.valueOf(5_000)), maxFee, priority);
    }

    private static BigInteger margin(BigInteger gas) {
        return gas.multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN).add(BigInteger.valueOf(10_000));
    }

    /**
     * {@code eth_call} of {@code handleOps([op])}: what would happen if the operation were included now. Works for
     * any sender (no transaction is made); reverts carry the EntryPoint's FailedOp / FailedOpWithRevert data.
     */
    public Simulation simulate(UserOperation signed) {
        String data = Abi.call("handleOps((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes)[],address)",
                new DynamicArray<>(DynamicStruct.class, List.of(DirectSubmitter.struct(signed))),
                new org.web3j.abi.datatypes.Address(beneficiary().hex()));
        try {
            node.call(beneficiary().hex(), submitter.entryPoint().hex(), data);
            return new Simulation.Passed();
        } catch (RpcException e) {
            return new Simulation.Reverted(dev.latchkey.aa.submit.EntryPointErrors.describe(e));
        }
    }

    private Address beneficiary() {
        return directFrom != null ? directFrom : submitter.entryPoint();
    }

    /** Sends a signed operation and waits for its receipt; in direct mode only after a passing simulation. */
    public UserOperationReceipt send(UserOperation signed) {
        if (isDirect() && simulate(signed) instanceof Simulation.Reverted r) {
            throw new UserOperationException("the EntryPoint would reject the operation, nothing was sent: " + r.reason());
        }
        HexBytes hash = submitter.submit(signed);
        try {
            return submitter.awaitReceipt(hash, receiptTimeout);
        } catch (UserOperationException e) {
            throw new UserOperationException(e.getMessage() + ". The operation may still be included: look it up by"
                    + " its hash " + hash.hex() + " before sending it again (same nonce), or raise the fees", e);
        }
    }

    /** Result of a handleOps simulation. */
    public sealed interface Simulation {
        record Passed() implements Simulation { }

        record Reverted(String reason) implements Simulation { }

        default boolean passed() {
            return this instanceof Passed;
        }
    }
}
