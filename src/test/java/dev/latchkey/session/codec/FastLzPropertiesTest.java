package dev.latchkey.session.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.session.NodeReference;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** FastLZ: round trip, byte-for-byte equality with solady's JS compressor (what module-sdk uses), robust decoder. */
class FastLzPropertiesTest {

    private static NodeReference node;

    @BeforeContainer
    static void startNode() throws Exception {
        node = NodeReference.flzLines();
    }

    @AfterContainer
    static void stopNode() throws Exception {
        node.close();
    }

    /** Random bytes, or bytes from a small alphabet / with repeats, so matches of every length and distance occur. */
    @Provide
    Arbitrary<byte[]> data() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> lowEntropy = Arbitraries.bytes().between((byte) 0, (byte) 3).array(byte[].class).ofMaxSize(12000);
        Arbitrary<byte[]> abiLike = Arbitraries.integers().between(0, 400).flatMap(words ->
                Arbitraries.bytes().array(byte[].class).ofSize(words).map(seed -> {
                    byte[] out = new byte[words * 32];
                    for (int w = 0; w < words; w++) out[w * 32 + 31] = seed[w];
                    return out;
                }));
        return Arbitraries.oneOf(random, lowEntropy, abiLike);
    }

    @Property(tries = 400)
    void roundTrips(@ForAll("data") byte[] data) {
        assertThat(FastLz.decompress(FastLz.compress(data))).isEqualTo(data);
    }

    @Property(tries = 300)
    void compressesExactlyLikeSoladyJs(@ForAll("data") byte[] data) throws Exception {
        String ours = "0x" + HexFormat.of().formatHex(FastLz.compress(data));
        assertThat(node.ask("0x" + HexFormat.of().formatHex(data))).isEqualTo(ours);
    }

    @Property(tries = 500)
    void decoderNeverReadsOutOfBounds(@ForAll byte[] garbage) {
        try {
            FastLz.decompress(garbage);
        } catch (IllegalArgumentException expected) {
            assertThat(expected).hasMessageStartingWith("FastLZ:");
        }
    }

    @net.jqwik.api.Example
    void hashEmulatesJsDoubleArithmetic() {
        // x where exact integer arithmetic and the JS double product differ (spec §2.1): check the emulation is used
        int differing = 0;
        for (int x = 0; x < 1 << 24; x += 1) {
            int exact = (int) (2654435769L * x) >> 19 & 8191;
            if (exact != FastLz.hash(x)) differing++;
        }
        assertThat(differing).isEqualTo(56);
    }

    @net.jqwik.api.Example
    void truncatedStreamsAreRejected() {
        assertThatThrownBy(() -> FastLz.decompress(new byte[] {5, 1})).hasMessageContaining("literal run");
        assertThatThrownBy(() -> FastLz.decompress(new byte[] {(byte) 0x20})).hasMessageContaining("truncated");
        assertThatThrownBy(() -> FastLz.decompress(new byte[] {0, 1, (byte) 0x20, 5})).hasMessageContaining("before the start");
    }
}
