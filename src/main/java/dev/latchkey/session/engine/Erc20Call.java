package dev.latchkey.session.engine;

import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/** The ERC-20 calls the spending policies account for, parsed like the policies do. */
record Erc20Call(Kind kind, BigInteger amount) {

    enum Kind { TRANSFER, APPROVE }

    /** Empty if {@code data} is not transfer / transferFrom / approve / increaseAllowance with enough bytes. */
    static Optional<Erc20Call> parse(Address account, byte[] data) {
        if (data.length < 4) return Optional.empty();
        int sel = ((data[0] & 0xff) << 24) | ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
        return switch (sel) {
            case 0xa9059cbb -> word(data, 1).map(a -> new Erc20Call(Kind.TRANSFER, a));               // transfer(to, amount)
            case 0x095ea7b3, 0x39509351 -> word(data, 1).map(a -> new Erc20Call(Kind.APPROVE, a));    // approve / increaseAllowance
            case 0x23b872dd -> word(data, 2).flatMap(a -> word(data, 1).map(to ->                     // transferFrom(from, to, amount)
                    new Erc20Call(Kind.TRANSFER, to.equals(new BigInteger(1, account.bytes())) ? BigInteger.ZERO : a)));
            default -> Optional.empty();
        };
    }

    private static Optional<BigInteger> word(byte[] data, int index) {
        int from = 4 + 32 * index;
        return data.length < from + 32 ? Optional.empty() : Optional.of(new BigInteger(1, Arrays.copyOfRange(data, from, from + 32)));
    }
}
