package dev.latchkey.aa;

import java.math.BigInteger;

/**
 * What became of a user operation once included.
 *
 * @param userOpHash      the v0.7 hash
 * @param success         the account's call succeeded (UserOperationEvent.success)
 * @param transactionHash the bundle transaction
 * @param actualGasCost   wei charged to the account (or paymaster)
 */
public record UserOperationReceipt(String userOpHash, boolean success, String transactionHash,
                                   BigInteger actualGasCost) {
}
