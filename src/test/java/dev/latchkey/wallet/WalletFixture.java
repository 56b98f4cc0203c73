package dev.latchkey.wallet;

import dev.latchkey.chain.Abi;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;

/** Real keystores (cheap KDF) and the shared test devnet's profile, for the wallet service tests. */
final class WalletFixture {

    static final char[] PASSWORD = "correct horse".toCharArray();

    private WalletFixture() { }

    static Keystore keystore(Path dir) throws Exception {
        KdfParams cheap = new KdfParams(8 * 1024, 1, 1);
        return Keystore.create(dir.resolve("wallet.db"), PASSWORD.clone(), cheap, new KdfPolicy(cheap, cheap, KdfParams.CEILING),
                Clock.systemUTC());
    }

    static NetworkRequest request(Devnet devnet) {
        return NetworkRequest.devnet().withManifest(manifestFile(devnet));
    }

    static Path manifestFile(Devnet devnet) {
        return devnet.config().dir().resolve("manifest.json");
    }

    static NetworkProfile profile(Devnet devnet) {
        return Networks.resolve(request(devnet));
    }

    static BigInteger balance(ChainConnection chain, Address token, Address holder) {
        return Abi.word(chain.node().call(token.hex(), Abi.call("balanceOf(address)", ChainReads.addr(holder))), 0);
    }
}
