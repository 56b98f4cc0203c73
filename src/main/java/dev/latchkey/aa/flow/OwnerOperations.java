package dev.latchkey.aa.flow;

import dev.latchkey.aa.account.AccountEncoding;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.signature.SessionKeySignatures;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * Operations the owners sign themselves, routed and signed as the account's kind validates its owners
 * ({@link AccountEncoding}: on LatchkeyAccount personal_sign over the userOpHash for OwnableValidator, on Safe7579
 * the Safe owners over the SafeOp hash). Deploys the account when needed.
 */
public final class OwnerOperations {

    private final SmartAccountClient account;
    private final OperationSender sender;

    public OwnerOperations(SmartAccountClient account, OperationSender sender) {
        this.account = account;
        this.sender = sender;
    }

    public SmartAccountClient account() {
        return account;
    }

    /** Builds (with gas and fees), signs with {@code owners} and sends an owner operation running {@code calls}. */
    public UserOperationReceipt execute(List<Execution> calls, List<ECKeyPair> owners) {
        return send(account.encoding().execute(calls), owners);
    }

    /**
     * An owner operation with {@code callData} as is (e.g. the account's own {@code installModule}), routed and signed
     * the way the account's kind validates its owners.
     */
    public UserOperationReceipt send(HexBytes callData, List<ECKeyPair> owners) {
        if (owners.isEmpty()) throw new FieldException("owners", "at least one owner key");
        AccountEncoding enc = account.encoding();
        UserOperation op = account.withInitCodeIfNeeded(UserOperation.of(account.address(), account.nonce(enc.ownerNonceKey()), callData));
        op = sender.withGasAndFees(op.withSignature(enc.ownerStub(owners.size())));
        long chainId = account.chain().chainId();
        HexBytes hash = UserOpHash.hash(op, account.chain().entryPoint(), BigInteger.valueOf(chainId));
        return sender.send(op.withSignature(enc.ownerSignature(op, hash, owners, chainId, account.chain().entryPoint())));
    }

    /** Concatenated personal_sign (EIP-191) signatures, v = 27/28, as OwnableValidator.validateUserOp expects. */
    static HexBytes personalSign(List<ECKeyPair> owners, HexBytes hash) {
        HexBytes prefixed = HexBytes.of(Sign.getEthereumMessageHash(hash.unsafeBytes()));
        return SessionKeySignatures.signAll(owners, prefixed, SessionKeySignatures.Form.RAW);
    }
}
