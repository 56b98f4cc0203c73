package dev.latchkey.chain;

import dev.latchkey.chain.DeterministicDeployment.OurContract;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Deploys what is missing of a {@link DeterministicDeployment#plan} through the deterministic deployment proxy, then
 * checks every contract's code against the build. Idempotent: a contract whose address has code is not sent again
 * (its address commits to its init code, so that code is ours; the check after says so byte for byte).
 */
public final class DeterministicDeployer {

    /** Sends one transaction (the devnet's unlocked account, or a key the user named) and returns its receipt. */
    @FunctionalInterface
    public interface Transactor {
        TxReceipt send(String label, String to, String data);
    }

    /** What happened to one contract. */
    public enum Status {
        /** It was already there. */
        PRESENT,
        /** This run deployed it. */
        DEPLOYED,
        /** The factory's constructor created it in this run. */
        CREATED_BY_FACTORY
    }

    /** Progress and result for one contract. */
    public record Step(OurContract contract, Status status) {
    }

    private DeterministicDeployer() {
    }

    /**
     * Deploys what is missing and verifies everything; {@code progress} hears each contract once, in plan order.
     *
     * @throws DeploymentException when the chain lacks the proxy or the EntryPoint, or a contract's code is not the build's
     */
    public static List<Step> deployMissing(EvmClient client, List<OurContract> plan, String entryPoint,
                                           Transactor transactor, Consumer<Step> progress) {
        requirePrerequisites(client, entryPoint);
        List<Step> steps = new ArrayList<>();
        boolean factoryDeployed = false;
        for (OurContract contract : plan) {
            Status status;
            if (client.hasCode(contract.address())) {
                status = !contract.viaProxy() && factoryDeployed ? Status.CREATED_BY_FACTORY : Status.PRESENT;
            } else if (contract.viaProxy()) {
                transactor.send(contract.name(), DeterministicDeployment.PROXY, contract.proxyCalldata());
                if (!client.hasCode(contract.address())) {
                    throw new DeploymentException(contract.name() + " was not created at its computed address "
                            + contract.address() + " (the deterministic deployment proxy put it elsewhere or failed)");
                }
                status = Status.DEPLOYED;
                factoryDeployed |= contract.name().equals(DeterministicDeployment.FACTORY);
            } else {
                throw new DeploymentException(contract.name() + " has no code at " + contract.address()
                        + " although " + DeterministicDeployment.FACTORY + " exists; the factory there is not ours");
            }
            Step step = new Step(contract, status);
            steps.add(step);
            progress.accept(step);
        }
        verify(client, plan);
        return List.copyOf(steps);
    }

    /** Checks that every contract of {@code plan} has the build's code at its address; fails naming the first that has not. */
    public static void verify(EvmClient client, List<OurContract> plan) {
        for (OurContract contract : plan) {
            String code = client.code(contract.address());
            if (code == null || code.equals("0x") || code.isEmpty()) {
                throw new DeploymentException(contract.name() + " is not deployed at " + contract.address()
                        + " on chain " + client.chainId() + "; run 'latchkey contracts deploy'");
            }
            String found = DeterministicDeployment.maskedCodeHash(contract.artifact(), code);
            if (!found.equalsIgnoreCase(contract.codeHash())) {
                throw new DeploymentException(contract.name() + " at " + contract.address() + " is other code than this"
                        + " build's (code hash " + found + ", expected " + contract.codeHash() + ")");
            }
        }
    }

    /** Whether every contract of {@code plan} has code (without checking which). */
    public static boolean allPresent(EvmClient client, List<OurContract> plan) {
        return plan.stream().allMatch(c -> client.hasCode(c.address()));
    }

    private static void requirePrerequisites(EvmClient client, String entryPoint) {
        if (!client.hasCode(DeterministicDeployment.PROXY)) {
            throw new DeploymentException("chain " + client.chainId() + " has no deterministic deployment proxy at "
                    + DeterministicDeployment.PROXY + ", so our contracts cannot get their computed addresses there;"
                    + " deploy the proxy first (see github.com/Arachnid/deterministic-deployment-proxy)");
        }
        if (!client.hasCode(entryPoint)) {
            throw new DeploymentException("chain " + client.chainId() + " has no EntryPoint v0.7 at " + entryPoint
                    + "; the account factory needs it");
        }
    }
}
