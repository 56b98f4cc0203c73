package dev.latchkey.signer.onchain;

import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.Optional;

/** Test access to the package-private bundle decoder. */
public final class BundleCalldataProbe {

    private BundleCalldataProbe() { }

    public static Optional<HexBytes> callDataOf(HexBytes input, String sender, BigInteger nonce) {
        return BundleCalldata.callDataOf(input, sender, nonce);
    }
}
