package dev.latchkey.aa.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The strict execute decoder accepts exactly the canonical encodings: for any mutation of a valid calldata it
 * either rejects with a {@link FieldException} or returns calls that re-encode to the very same bytes. So it
 * rejects everything ABI decoding would reject (and more: non-canonical offsets, dirty padding), and never throws
 * anything else (no out-of-bounds read).
 */
class ExecuteDecoderPropertiesTest {

    @Provide
    Arbitrary<HexBytes> calldata() {
        Arbitrary<Execution> exec = Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofSize(20),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(100))
                .as((t, v, d) -> new Execution(Address.of(t), v, HexBytes.of(d)));
        Arbitrary<HexBytes> single = exec.map(e -> Erc7579Execute.encode(List.of(e)));
        Arbitrary<HexBytes> batch = exec.list().ofMinSize(0).ofMaxSize(5)
                .map(es -> Erc7579Execute.encode(new ExecuteCall(ExecutionMode.of(ExecutionMode.CALL_BATCH), es)));
        return Arbitraries.oneOf(single, batch);
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        // (kind, position, value): 0 = set byte, 1 = delete byte, 2 = insert byte, 3 = truncate, 4 = append a word
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 255)).as((k, p, v) -> new int[] {k, p, v}).list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 3000)
    void acceptsOnlyCanonicalEncodings(@ForAll("calldata") HexBytes valid, @ForAll("mutations") List<int[]> mutations) {
        assertThat(Erc7579Execute.encode(Erc7579Execute.decode(valid))).isEqualTo(valid);
        HexBytes mutated = mutate(valid, mutations);
        ExecuteCall decoded;
        try {
            decoded = Erc7579Execute.decode(mutated);
        } catch (FieldException rejected) {
            return;
        }
        assertThat(Erc7579Execute.encode(decoded)).isEqualTo(mutated);
    }

    @Property(tries = 1000)
    void randomBytesNeverCrash(@ForAll byte[] tail, @ForAll boolean withSelector) {
        byte[] d = tail;
        if (withSelector) d = HexBytes.of(Erc7579Execute.SELECTOR.bytes()).concat(HexBytes.of(tail)).bytes();
        try {
            Erc7579Execute.encode(Erc7579Execute.decode(HexBytes.of(d)));
        } catch (FieldException expected) {
            assertThat(expected.field()).startsWith("callData");
        }
    }

    @net.jqwik.api.Example
    void namesTheFieldOnRejection() {
        assertThatThrownBy(() -> Erc7579Execute.decode(HexBytes.parse("x", "0x12345678")))
                .isInstanceOf(FieldException.class).hasMessageStartingWith("callData");
    }

    private static HexBytes mutate(HexBytes valid, List<int[]> mutations) {
        List<Byte> b = new ArrayList<>();
        for (byte x : valid.bytes()) b.add(x);
        for (int[] m : mutations) {
            int pos = b.isEmpty() ? 0 : m[1] % (b.size() + (m[0] == 2 ? 1 : 0));
            switch (m[0]) {
                case 0 -> { if (!b.isEmpty()) b.set(pos % b.size(), (byte) m[2]); }
                case 1 -> { if (!b.isEmpty()) b.remove(pos % b.size()); }
                case 2 -> b.add(Math.min(pos, b.size()), (byte) m[2]);
                case 3 -> { while (b.size() > pos) b.remove(b.size() - 1); }
                default -> { for (int i = 0; i < 32; i++) b.add((byte) (i == 31 ? m[2] : 0)); }
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) out[i] = b.get(i);
        return HexBytes.of(out);
    }
}
