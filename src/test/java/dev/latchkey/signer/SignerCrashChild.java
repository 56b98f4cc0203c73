package dev.latchkey.signer;

import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.signer.onchain.OnchainPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Child-JVM body for {@link SignerCrashOnDevnetTest}: the headless signer on the devnet. Opens the wallet, starts the
 * signer (resuming every open journal row), submits every intent of the plan (already journaled ones come back as
 * duplicates), prints {@code OUT id outcome} per intent and {@code ALL} at the end. The parent SIGKILLs it at random.
 *
 * <p>Args: wallet file, manifest JSON file, plan file (first line {@code account usdc}, then {@code idHex amount to}).
 */
public final class SignerCrashChild {

    private SignerCrashChild() { }

    public static void main(String[] args) throws Exception {
        Path wallet = Path.of(args[0]);
        Manifest m = Manifest.fromJson(Files.readString(Path.of(args[1])));
        List<String> plan = Files.readAllLines(Path.of(args[2]));
        String[] head = plan.get(0).split(" ");
        Address account = new Address(head[0]);
        Address usdc = new Address(head[1]);
        KdfParams cheap = new KdfParams(8 * 1024, 1, 1);
        try (Keystore keystore = Keystore.open(wallet, new KdfPolicy(cheap, cheap, KdfParams.CEILING), Clock.systemUTC());
             EvmClient node = new EvmClient(m.rpcUrl()); JsonRpcClient bundler = new JsonRpcClient(m.bundlerUrl());
             OnchainPorts ports = OnchainPorts.forNetwork(DevnetSessions.addresses(m), node, bundler)) {
            keystore.unlock("pw".toCharArray());
            SignerConfig config = new SignerConfig(ports.chain().policies(), SoftLimits.NONE, 4, 30, Duration.ofSeconds(2),
                    Duration.ofMillis(100), 600);
            try (SignerService signer = ports.signer(keystore, config)) {
                List<CompletableFuture<Outcome>> all = new ArrayList<>(signer.start());
                System.out.println("READY");
                System.out.flush();
                for (String line : plan.subList(1, plan.size())) {
                    String[] p = line.split(" ");
                    SignerIntent intent = SignerIntent.of(HexFormat.of().parseHex(p[0]), account, m.chainId(),
                            List.of(new dev.latchkey.aa.execution.Execution(usdc, java.math.BigInteger.ZERO,
                                    SignerFixture.transfer(new Address(p[2]), Long.parseLong(p[1])))));
                    CompletableFuture<Outcome> f = signer.submit(intent);
                    f.thenAccept(o -> System.out.println("OUT " + o.intentId() + " " + o.getClass().getSimpleName()));
                    all.add(f);
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
                System.out.println("ALL");
                System.out.flush();
            }
        }
    }
}
