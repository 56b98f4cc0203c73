package dev.latchkey.aa.submit;

import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;

/**
 * What became of a user operation once included.
 *
 * @param userOpHash      the v0.7 hash
 * @param success         the account's call succeeded (UserOperationEvent.success)
 * @param transactionHash the bundle transaction, 0x-hex
 * @param actualGasCost   wei charged to the account (or paymaster)
 */
public record UserOperationReceipt(HexBytes userOpHash, boolean success, String transactionHash,
                                   BigInteger actualGasCost) {
}
