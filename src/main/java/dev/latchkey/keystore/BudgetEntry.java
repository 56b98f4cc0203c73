package dev.latchkey.keystore;

import java.math.BigInteger;

/**
 * Local spend/usage ledger line of one session for one token ({@code 0x0000...0000} = native value, {@code GAS} =
 * gas cost). Amounts are uint256 values; {@code reserved} is pending, {@code spentFinal} is settled.
 */
public record BudgetEntry(byte[] permissionId, String token, BigInteger capTotal, BigInteger reserved,
                          BigInteger spentFinal, long usesCap, long usesReserved, long usesFinal) {

    public BigInteger available() {
        return capTotal.subtract(reserved).subtract(spentFinal);
    }

    public long usesLeft() {
        return usesCap - usesReserved - usesFinal;
    }
}
