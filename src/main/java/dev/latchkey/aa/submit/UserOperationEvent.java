package dev.latchkey.aa.submit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.chain.Abi;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * EntryPoint v0.7 {@code UserOperationEvent(bytes32 indexed userOpHash, address indexed sender, address indexed
 * paymaster, uint256 nonce, bool success, uint256 actualGasCost, uint256 actualGasUsed)}, decoded from one
 * {@code eth_getLogs} / receipt log entry. The one decoder of the event (signer, direct submitter, Activity screen).
 */
public record UserOperationEvent(HexBytes userOpHash, BigInteger nonce, boolean success, BigInteger actualGasCost,
                                 BigInteger actualGasUsed, String transactionHash, long blockNumber) {

    public static final String TOPIC = Numeric.toHexString(Hash.sha3(
            "UserOperationEvent(bytes32,address,address,uint256,bool,uint256,uint256)".getBytes(StandardCharsets.US_ASCII)));

    /** The event of {@code log}, or empty when the log is another event. */
    public static Optional<UserOperationEvent> of(JsonNode log) {
        JsonNode topics = log.path("topics");
        if (topics.size() < 2 || !topics.get(0).asText().equalsIgnoreCase(TOPIC)) return Optional.empty();
        String data = log.path("data").asText();
        String block = log.path("blockNumber").asText("");
        return Optional.of(new UserOperationEvent(HexBytes.parse("userOpHash", topics.get(1).asText()), Abi.word(data, 0),
                Abi.word(data, 1).signum() != 0, Abi.word(data, 2), Abi.word(data, 3), log.path("transactionHash").asText(),
                block.startsWith("0x") ? new BigInteger(block.substring(2), 16).longValueExact() : -1));
    }
}
