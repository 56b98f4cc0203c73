package dev.latchkey.signer.onchain;

import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads one operation's callData out of an EntryPoint v0.7 {@code handleOps(PackedUserOperation[], address)}
 * transaction input: the ABI head of each tuple holds sender, nonce and the offset of callData. Bounds-checked; an
 * input that is not such a call gives empty.
 */
final class BundleCalldata {

    /** {@code handleOps((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes)[],address)}. */
    static final String HANDLE_OPS = org.web3j.crypto.Hash.sha3String(
            "handleOps((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes)[],address)").substring(0, 10);
    private static final int MAX_OPS = 4096;

    private BundleCalldata() { }

    static Optional<HexBytes> callDataOf(HexBytes input, String sender, BigInteger nonce) {
        byte[] d = input.unsafeBytes();
        if (d.length < 4 + 64 || !input.slice(0, 4).hex().equals(HANDLE_OPS)) return Optional.empty();
        try {
            int args = 4;
            int array = args + word(d, args);
            int count = word(d, array);
            if (count > MAX_OPS) return Optional.empty();
            int heads = array + 32;
            byte[] who = new BigInteger(sender.substring(2), 16).toByteArray();
            for (int i = 0; i < count; i++) {
                int tuple = heads + word(d, heads + 32 * i);
                BigInteger opSender = big(d, tuple);
                BigInteger opNonce = big(d, tuple + 32);
                if (!opSender.equals(new BigInteger(1, who)) || !opNonce.equals(nonce)) continue;
                int at = tuple + word(d, tuple + 96); // the 4th head word: offset of callData
                int len = word(d, at);
                if (at + 32 + len > d.length) return Optional.empty();
                return Optional.of(HexBytes.of(Arrays.copyOfRange(d, at + 32, at + 32 + len)));
            }
        } catch (ArithmeticException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static BigInteger big(byte[] d, int at) {
        if (at < 0 || at + 32 > d.length) throw new IndexOutOfBoundsException("word at " + at);
        return new BigInteger(1, Arrays.copyOfRange(d, at, at + 32));
    }

    private static int word(byte[] d, int at) {
        return big(d, at).intValueExact();
    }
}
