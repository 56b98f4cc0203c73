package dev.latchkey.aa.flow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A bundler that is gone is a network failure (CLI exit 5), not "the operation would fail" (issue 11). */
class BundlerGoneTest {

    @Test
    void noAnswerDuringEstimationIsANetworkFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        JsonRpcClient gone = new JsonRpcClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2));
        OperationSender sender = OperationSender.viaBundler(new EvmClient(gone), gone, UserOpHash.ENTRY_POINT_V07, Duration.ofSeconds(5));
        UserOperation op = UserOperation.of(new Address("0x1111111111111111111111111111111111111111"), BigInteger.ZERO, HexBytes.EMPTY);
        assertThatThrownBy(() -> sender.estimate(op)).isInstanceOf(RpcException.class)
                .hasMessageStartingWith("the bundler did not answer");
    }
}
