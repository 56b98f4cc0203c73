package dev.latchkey.signer;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an operation reserves in the local ledger: per ERC-20 token the amount moved or approved
 * (transfer / transferFrom / approve / increaseAllowance, as the spending policies count it), and native value
 * under the zero address. Zero amounts are left out.
 */
final class Reservations {

    static final String NATIVE = Address.ZERO.hex();

    private Reservations() { }

    static Map<String, BigInteger> of(HexBytes callData) {
        Map<String, BigInteger> out = new TreeMap<>();
        for (Execution e : Erc7579Execute.decode(IntentTag.strip(callData)).executions()) {
            if (e.value().signum() > 0) out.merge(NATIVE, e.value(), BigInteger::add);
            BigInteger amount = erc20Amount(e.callData().unsafeBytes());
            if (amount.signum() > 0) out.merge(e.target().hex(), amount, BigInteger::add);
        }
        return out;
    }

    private static BigInteger erc20Amount(byte[] d) {
        if (d.length < 4) return BigInteger.ZERO;
        int sel = ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
        int word = switch (sel) {
            case 0xa9059cbb, 0x095ea7b3, 0x39509351 -> 1;
            case 0x23b872dd -> 2;
            default -> -1;
        };
        int from = 4 + 32 * word;
        if (word < 0 || d.length < from + 32) return BigInteger.ZERO;
        return new BigInteger(1, java.util.Arrays.copyOfRange(d, from, from + 32));
    }
}
