package dev.latchkey.chain;

import java.math.BigInteger;
import java.util.List;

/**
 * The parts of a transaction receipt the wallet reads.
 *
 * @param transactionHash 0x-hex
 * @param success         status 1
 * @param contractAddress the created contract, or null
 * @param gasUsed         gas used
 * @param logs            emitted logs, in order
 */
public record TxReceipt(String transactionHash, boolean success, String contractAddress, BigInteger gasUsed,
                        List<Log> logs) {

    public TxReceipt {
        logs = List.copyOf(logs);
    }

    /** One log entry: emitter, topics (0x-hex) and data (0x-hex). */
    public record Log(String address, List<String> topics, String data) {
        public Log {
            topics = List.copyOf(topics);
        }
    }
}
