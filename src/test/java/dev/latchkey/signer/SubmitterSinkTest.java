package dev.latchkey.signer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.submit.UserOperationException;
import dev.latchkey.chain.RpcException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures allow resending the same bytes: the bundler's answer decides, not the message text. */
class SubmitterSinkTest {

    @Test
    void classifiesSendFailures() {
        assertThat(SubmitterSink.classify(new UserOperationException("rejected",
                new RpcException("AA25 invalid account nonce", -32500, null, null)))).isEqualTo(OperationSink.SendException.Kind.REJECTED);
        assertThat(SubmitterSink.classify(new RpcException("cannot reach", new ConnectException("refused"))))
                .isEqualTo(OperationSink.SendException.Kind.UNREACHABLE);
        assertThat(SubmitterSink.classify(new RpcException("slow", new HttpTimeoutException("timed out"))))
                .isEqualTo(OperationSink.SendException.Kind.AMBIGUOUS);
        assertThat(SubmitterSink.classify(new RpcException("reset", new java.io.IOException("connection reset"))))
                .as("a dropped connection may have delivered the request").isEqualTo(OperationSink.SendException.Kind.AMBIGUOUS);
        assertThat(SubmitterSink.classify(new UserOperationException("rejected", new RpcException("Already known", -32602, null, null))))
                .as("the bundler holds these bytes from an earlier send").isEqualTo(OperationSink.SendException.Kind.ALREADY_HELD);
        assertThat(SubmitterSink.classify(new UserOperationException("rejected", new RpcException(
                "AA25 invalid account nonce: Another UserOperation with same sender and nonce is already being processed", -32602, null, null))))
                .as("a different operation on the same nonce is a rejection").isEqualTo(OperationSink.SendException.Kind.REJECTED);
    }
}
