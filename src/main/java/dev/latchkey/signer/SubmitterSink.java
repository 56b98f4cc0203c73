package dev.latchkey.signer;

import dev.latchkey.aa.submit.UserOperationException;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.aa.submit.UserOperationSubmitter;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** {@link OperationSink} over the SDK's {@link UserOperationSubmitter} (bundler or direct). */
public final class SubmitterSink implements OperationSink {

    private final UserOperationSubmitter submitter;

    public SubmitterSink(UserOperationSubmitter submitter) {
        this.submitter = submitter;
    }

    @Override
    public Address entryPoint() {
        return submitter.entryPoint();
    }

    @Override
    public HexBytes send(UserOperation signed) throws SendException {
        try {
            return submitter.submit(signed);
        } catch (UserOperationException | RpcException e) {
            throw new SendException(classify(e), e.getMessage(), e);
        }
    }

    @Override
    public Optional<UserOperationReceipt> receipt(HexBytes userOpHash, Duration timeout) {
        try {
            return Optional.of(submitter.awaitReceipt(userOpHash, timeout));
        } catch (UserOperationException | RpcException e) {
            return Optional.empty();
        }
    }

    /**
     * A JSON-RPC error code means the bundler answered; no answer is ambiguous unless the connection was refused.
     * ERC-7769 has no code for "I already hold this operation" (Alto answers -32602 "Already known"), so that one
     * answer is told apart by its words: it means the earlier send arrived, not that the operation is bad.
     */
    static SendException.Kind classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RpcException rpc && rpc.code() != 0) {
                return isAlreadyKnown(rpc.getMessage()) ? SendException.Kind.ALREADY_HELD : SendException.Kind.REJECTED;
            }
            if (t instanceof ConnectException) {
                return SendException.Kind.UNREACHABLE;
            }
            if (t instanceof HttpTimeoutException) {
                return SendException.Kind.AMBIGUOUS;
            }
        }
        return SendException.Kind.AMBIGUOUS;
    }

    private static boolean isAlreadyKnown(String message) {
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("already known");
    }
}
