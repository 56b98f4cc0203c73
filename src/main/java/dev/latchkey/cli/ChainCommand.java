package dev.latchkey.cli;

import dev.latchkey.aa.submit.UserOperationException;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.engine.UnrecognizedPolicyException;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.WalletException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that use the wallet on a network ({@code account}, {@code session}, {@code trade}, {@code signer}):
 * the shared wallet, network and output options; opens the wallet (unlocked only when the command needs a key) and
 * the network connection, runs the body, prints, and maps errors to exit codes.
 */
abstract class ChainCommand implements Callable<Integer> {

    static final int EXIT_ERROR = 1;
    /** The signer (or the wallet's rules) refused the request; nothing was signed. */
    static final int EXIT_REFUSED = 2;
    static final int EXIT_NETWORK = 5;

    @Spec
    CommandSpec spec;

    @Mixin
    WalletOptions wallet;

    @Mixin
    NetworkOptions network;

    @Mixin
    Output output;

    /** Exit code of a completed body (e.g. {@link #EXIT_REFUSED}); 0 by default. */
    int exitCode;

    /** Whether the body needs the password (a key is used or created). */
    abstract boolean needsPassword();

    abstract Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException, IOException;

    @Override
    public final Integer call() {
        String prefix = "latchkey " + spec.qualifiedName().replaceFirst("^latchkey ", "");
        try (Keystore keystore = needsPassword() ? wallet.openUnlocked() : wallet.open()) {
            NetworkProfile profile = network.resolve(wallet.walletDir);
            try (ChainConnection chain = ChainConnection.open(profile)) {
                Map<String, Object> out = execute(keystore, chain);
                output.print(spec, out);
                return exitCode;
            }
        } catch (KeystoreException e) {
            return output.fail(spec, prefix, WalletSubcommand.kind(e), e.getMessage(), WalletSubcommand.exitCode(e));
        } catch (WalletException e) {
            return fail(output, spec, prefix, e);
        } catch (FieldException e) {
            return output.fail(spec, prefix, "InvalidInput", e.getMessage(), EXIT_ERROR);
        } catch (UnrecognizedPolicyException e) {
            // The node answered; the contract is not the policy the session names (wrong address or unknown build).
            return output.fail(spec, prefix, "UnknownPolicy", e.getMessage(), EXIT_ERROR);
        } catch (RpcException e) {
            return output.fail(spec, prefix, "Network", e.getMessage(), EXIT_NETWORK);
        } catch (UserOperationException e) {
            return output.fail(spec, prefix, "Operation", e.getMessage(), EXIT_ERROR);
        } catch (IOException e) {
            return output.fail(spec, prefix, "Io", e.getMessage(), EXIT_ERROR);
        }
    }

    /** A wallet error as the CLI reports it: its kind's name, and exit 5 for a network failure, else 1. */
    static int fail(Output output, CommandSpec spec, String prefix, WalletException e) {
        String kind = switch (e.kind()) {
            case NETWORK -> "Network";
            case MISSING_DEPLOYMENT -> "MissingDeployment";
            case INCOMPATIBLE_MODULE -> "IncompatibleModule";
            case NOT_FOUND -> "NotFound";
            case STATE -> "State";
            case INVALID -> "InvalidInput";
        };
        return output.fail(spec, prefix, kind, e.getMessage(), e.kind() == WalletException.Kind.NETWORK ? EXIT_NETWORK : EXIT_ERROR);
    }
}
