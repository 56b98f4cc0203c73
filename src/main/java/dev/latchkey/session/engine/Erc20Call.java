package dev.latchkey.session.engine;

import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/** The ERC-20 calls the spending policies account for, parsed like the policies do. */
record Erc20Call(Kind kind, BigInteger amount, int encodedLength) {

    enum Kind { TRANSFER, APPROVE }

    /**
     * Empty if {@code data} is not transfer / transferFrom / approve / increaseAllowance with enough bytes, or an
     * address argument has non-zero upper 96 bits: the policies' {@code CalldataReader.argAddress} reverts on those,
     * as {@code abi.decode} would, so the chain refuses what a lenient parse would accept. Extra bytes are ignored,
     * as on chain; {@link #encodedLength} says how long a well-formed call is.
     */
    static Optional<Erc20Call> parse(Address account, byte[] data) {
        if (data.length < 4) return Optional.empty();
        int sel = ((data[0] & 0xff) << 24) | ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
        return switch (sel) {
            case 0xa9059cbb -> address(data, 0).flatMap(to -> word(data, 1))                           // transfer(to, amount)
                    .map(a -> new Erc20Call(Kind.TRANSFER, a, 68));
            case 0x095ea7b3, 0x39509351 -> address(data, 0).flatMap(sp -> word(data, 1))               // approve / increaseAllowance
                    .map(a -> new Erc20Call(Kind.APPROVE, a, 68));
            case 0x23b872dd -> address(data, 0).flatMap(from -> address(data, 1)).flatMap(to -> word(data, 2).map(a -> // transferFrom
                    new Erc20Call(Kind.TRANSFER, to.equals(new BigInteger(1, account.bytes())) ? BigInteger.ZERO : a, 100)));
            default -> Optional.empty();
        };
    }

    private static Optional<BigInteger> address(byte[] data, int index) {
        return word(data, index).filter(w -> w.bitLength() <= 160);
    }

    private static Optional<BigInteger> word(byte[] data, int index) {
        int from = 4 + 32 * index;
        return data.length < from + 32 ? Optional.empty() : Optional.of(new BigInteger(1, Arrays.copyOfRange(data, from, from + 32)));
    }
}
