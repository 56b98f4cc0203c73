package dev.latchkey.cli;

import dev.latchkey.chain.ContractArtifacts;
import dev.latchkey.chain.DeploymentException;
import dev.latchkey.chain.DeterministicDeployer;
import dev.latchkey.chain.DeterministicDeployer.Step;
import dev.latchkey.chain.DeterministicDeployment;
import dev.latchkey.chain.DeterministicDeployment.OurContract;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.KeySender;
import dev.latchkey.chain.RpcException;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.WalletException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.web3j.crypto.ECKeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Deploys what is missing of our contracts on a network, paid by a key the user names, and verifies them. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy our contracts that are missing on a network through the deterministic deployment proxy"
                + " (a second run deploys nothing), then check every contract's code against this build.")
public final class ContractsDeployCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    Output output;

    @Option(names = "--key-file", paramLabel = "FILE", required = true,
            description = "File whose first line is the private key (hex) of the account that pays for the deployments.")
    Path keyFile;

    @Option(names = "--wallet-dir", paramLabel = "DIR", description = "Wallet directory whose networks --network may name"
            + " (default: the OS data directory).")
    Path walletDir;

    @Override
    public Integer call() {
        String prefix = "latchkey contracts deploy";
        try {
            NetworkProfile profile = network.resolve(walletDir);
            String entryPoint = profile.entryPoint().hex();
            List<OurContract> plan = DeterministicDeployment.plan(ContractArtifacts.loadFromClasspath(), entryPoint,
                    Optional.empty());
            try (EvmClient client = new EvmClient(profile.rpcUrl().toString())) {
                long served = client.chainId();
                if (served != profile.chainId()) {
                    return output.fail(spec, prefix, "Network", "the RPC at " + profile.rpcUrl() + " serves chain "
                            + served + ", not " + profile.name() + " (chain " + profile.chainId() + ")", ChainCommand.EXIT_NETWORK);
                }
                KeySender payer = new KeySender(client, payerKey(), profile.chainId());
                PrintWriter progress = output.json ? spec.commandLine().getErr() : spec.commandLine().getOut();
                List<Step> steps = DeterministicDeployer.deployMissing(client, plan, entryPoint,
                        (label, to, data) -> payer.send(to, BigInteger.ZERO, data),
                        step -> {
                            progress.printf("%-28s %s  %s%n", step.contract().name(), step.contract().address(),
                                    words(step.status()));
                            progress.flush();
                        });
                if (output.json) {
                    output.print(spec, summary(profile, payer.address(), steps));
                } else {
                    progress.println("deployed " + deployedCount(steps) + " of " + steps.size() + " contracts on "
                            + profile.name() + " (chain " + profile.chainId() + "), paid by " + payer.address()
                            + "; every contract's code matches this build");
                    progress.flush();
                }
                return 0;
            }
        } catch (DeploymentException e) {
            return output.fail(spec, prefix, "Deployment", e.getMessage(), ChainCommand.EXIT_ERROR);
        } catch (KeystoreException e) {
            return output.fail(spec, prefix, "InvalidInput", e.getMessage(), ChainCommand.EXIT_ERROR);
        } catch (WalletException e) {
            return output.fail(spec, prefix, e.kind() == WalletException.Kind.NETWORK ? "Network" : "InvalidInput",
                    e.getMessage(), e.kind() == WalletException.Kind.NETWORK ? ChainCommand.EXIT_NETWORK : ChainCommand.EXIT_ERROR);
        } catch (RpcException e) {
            return output.fail(spec, prefix, "Network", e.getMessage(), ChainCommand.EXIT_NETWORK);
        } catch (IOException e) {
            return output.fail(spec, prefix, "InvalidInput", "cannot read " + keyFile + ": " + e.getMessage(),
                    ChainCommand.EXIT_ERROR);
        }
    }

    private ECKeyPair payerKey() throws IOException, KeystoreException {
        char[] text = Secrets.read(keyFile, "");
        try {
            int start = text.length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') ? 2 : 0;
            if (text.length - start != 64) {
                throw new KeystoreException.InvalidInputException(keyFile + " does not hold a private key (64 hex digits"
                        + " on its first line)");
            }
            for (int i = start; i < text.length; i++) {
                if (Character.digit(text[i], 16) < 0) {
                    throw new KeystoreException.InvalidInputException(keyFile + " does not hold a private key (64 hex"
                            + " digits on its first line)");
                }
            }
            BigInteger secret = new BigInteger(new String(text, start, text.length - start), 16);
            if (secret.signum() == 0) {
                throw new KeystoreException.InvalidInputException(keyFile + " holds the zero key");
            }
            return ECKeyPair.create(secret);
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    private static String words(DeterministicDeployer.Status status) {
        return switch (status) {
            case PRESENT -> "already deployed";
            case DEPLOYED -> "deployed";
            case CREATED_BY_FACTORY -> "created by the factory";
        };
    }

    private static long deployedCount(List<Step> steps) {
        return steps.stream().filter(s -> s.status() == DeterministicDeployer.Status.DEPLOYED).count();
    }

    private static Map<String, Object> summary(NetworkProfile profile, String payer, List<Step> steps) {
        Map<String, Object> out = Output.result();
        out.put("network", profile.name());
        out.put("chainId", profile.chainId());
        out.put("payer", payer);
        out.put("deployed", deployedCount(steps));
        List<Map<String, String>> contracts = new ArrayList<>();
        for (Step s : steps) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", s.contract().name());
            row.put("address", s.contract().address());
            row.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
            row.put("codeHash", s.contract().codeHash());
            contracts.add(row);
        }
        out.put("contracts", contracts);
        out.put("verified", "every code hash equals this build's");
        return out;
    }
}
