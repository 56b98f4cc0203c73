package dev.latchkey.automation;

import dev.latchkey.devnet.Manifest;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.signer.SignerConfig;
import dev.latchkey.signer.SignerService;
import dev.latchkey.signer.onchain.OnchainPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A wallet process for the SIGKILL test: opens the wallet in {@code args[0]}, attaches to the devnet of the manifest
 * in {@code args[1]}, starts the real signer (resuming its journal) and the automation engine, and evaluates every
 * 200 ms until it is killed.
 */
public final class WalletProcessMain {

    private WalletProcessMain() { }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        DevnetWorld world = DevnetWorld.attach(Manifest.fromJson(Files.readString(Path.of(args[1]))));
        Keystore ks = Wallets.reopen(dir);
        OnchainPorts ports = world.ports();
        SignerService signer = ports.signer(ks, new SignerConfig(world.policies, SoftLimits.NONE, 4, 30, Duration.ofSeconds(2),
                Duration.ofMillis(200), 300));
        signer.start();
        AutomationEngine engine = new AutomationEngine(ks, world.network, world.reader(), world.quotes(), signer::submit, ports.definitions(),
                ports.policyState(), new AutomationConfig(world.policies, Duration.ofMillis(200), 3, 30, 3, System.out::println));
        while (true) {
            engine.evaluate(world.reader().head());
            Thread.sleep(200);
        }
    }
}
