package dev.latchkey.signer;

import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.session.model.HexBytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.web3j.crypto.Hash;

/**
 * The intent id carried in the signed operation itself, so the chain alone tells which intent an operation paid:
 * {@code callData = execute(mode, executionCalldata) ‖ MAGIC (4) ‖ intent id (16)}. The 20 bytes sit after the ABI
 * encoding, where the account's {@code execute}, SmartSession's decoding and the policies never read (Solidity ignores
 * trailing calldata), and inside what the userOpHash covers, so no bundler can change them. After a restore the signer
 * reads them back from the bundle transactions of the account's {@code UserOperationEvent}s ({@code Reconciler}).
 */
public final class IntentTag {

    /** {@code keccak256("latchkey/intent-tag/v1")[0..4]}. */
    public static final byte[] MAGIC = Arrays.copyOf(Hash.sha3("latchkey/intent-tag/v1".getBytes(StandardCharsets.US_ASCII)), 4);
    public static final int LENGTH = MAGIC.length + 16;

    private IntentTag() { }

    public static HexBytes append(HexBytes callData, byte[] intentId) {
        if (intentId.length != 16) throw new IllegalArgumentException("an intent id is 16 bytes");
        return callData.concat(HexBytes.of(MAGIC)).concat(HexBytes.of(intentId));
    }

    /** The intent id a tagged callData carries. */
    public static Optional<byte[]> read(HexBytes callData) {
        byte[] d = callData.unsafeBytes();
        if (d.length < LENGTH + 4) return Optional.empty();
        int at = d.length - LENGTH;
        if (!Arrays.equals(d, at, at + MAGIC.length, MAGIC, 0, MAGIC.length)) return Optional.empty();
        return Optional.of(Arrays.copyOfRange(d, at + MAGIC.length, d.length));
    }

    /** The callData without its tag (unchanged when it has none): what the strict decoders and the engine read. */
    public static HexBytes strip(HexBytes callData) {
        return read(callData).isPresent() ? callData.slice(0, callData.length() - LENGTH) : callData;
    }

    /** {@code op} with its callData untagged, for the policy engine (which decodes callData strictly). */
    public static UserOperation untagged(UserOperation op) {
        HexBytes cd = strip(op.callData());
        if (cd.length() == op.callData().length()) return op;
        return new UserOperation(op.sender(), op.nonce(), op.factory(), op.factoryData(), cd, op.callGasLimit(),
                op.verificationGasLimit(), op.preVerificationGas(), op.maxFeePerGas(), op.maxPriorityFeePerGas(), op.paymaster(),
                op.paymasterVerificationGasLimit(), op.paymasterPostOpGasLimit(), op.paymasterData(), op.signature());
    }
}
