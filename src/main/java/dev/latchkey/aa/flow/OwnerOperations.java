package dev.latchkey.aa.flow;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.aa.signature.MockSignatures;
import dev.latchkey.aa.signature.SessionKeySignatures;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * Operations the owners sign themselves (validated by the account's OwnableValidator): personal_sign over the
 * userOpHash, v = 27/28, one 65-byte signature per owner up to the threshold. Deploys the account when needed.
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
        if (owners.isEmpty()) throw new FieldException("owners", "at least one owner key");
        BigInteger key = NonceKeys.keyFor(AccountKind.LATCHKEY, account.chain().ownableValidator());
        UserOperation op = UserOperation.of(account.address(), account.nonce(key), Erc7579Execute.encode(calls));
        if (!account.isDeployed()) op = op.withFactory(account.chain().factory(), account.factoryData());
        op = sender.withGasAndFees(op.withSignature(MockSignatures.repeat(MockSignatures.OWNABLE_MOCK, owners.size())));
        HexBytes hash = UserOpHash.hash(op, account.chain().entryPoint(), BigInteger.valueOf(account.chain().chainId()));
        return sender.send(op.withSignature(personalSign(owners, hash)));
    }

    /** Concatenated personal_sign (EIP-191) signatures, v = 27/28, as OwnableValidator.validateUserOp expects. */
    static HexBytes personalSign(List<ECKeyPair> owners, HexBytes hash) {
        HexBytes prefixed = HexBytes.of(Sign.getEthereumMessageHash(hash.unsafeBytes()));
        return SessionKeySignatures.signAll(owners, prefixed, SessionKeySignatures.Form.RAW);
    }
}
