package dev.latchkey.cli;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.wallet.AccountDeployer;
import dev.latchkey.wallet.AccountImport;
import dev.latchkey.wallet.AccountKinds;
import dev.latchkey.wallet.AccountService;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.Deployment;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latchkey account ...}: the wallet's smart accounts on a network. */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = "Create, show, fund (devnet) and deploy the wallet's smart account.",
        subcommands = {AccountCommand.Create.class, AccountCommand.Import.class, AccountCommand.Show.class, AccountCommand.Fund.class, AccountCommand.Deploy.class})
public final class AccountCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Register the counterfactual account of an owner key (a new owner key if the vault has none).")
    static final class Create extends ChainCommand {
        @Option(names = "--kind", defaultValue = "latchkey", paramLabel = "KIND",
                description = "latchkey (default), safe7579 (a Safe with the Safe7579 adapter) or kernel (ZeroDev Kernel v3.1); nexus is not supported yet.")
        String kind;

        @Option(names = "--owner", paramLabel = "ADDR", description = "Owner key in the vault (default: the only one).")
        String owner;

        @Option(names = "--index", defaultValue = "0", description = "Account index of that owner (default 0).", converter = AsciiNumbers.Int.class)
        int index;

        @Option(names = "--label", defaultValue = "", description = "A name for the account.")
        String label;

        @Override
        boolean needsPassword() {
            return true;
        }

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            AccountService.Created c = new AccountService(keystore, chain).create(Optional.ofNullable(owner), index, label,
                    AccountKinds.parse("--kind", kind));
            Map<String, Object> out = Output.result();
            out.put("network", chain.profile().name());
            out.put("account", c.address().checksummed());
            out.put("kind", AccountKinds.name(c.kind()));
            out.put("owner", c.owner().checksummed());
            out.put("index", c.index());
            out.put("deployed", c.deployed());
            out.put("alreadyRegistered", c.alreadyRegistered());
            out.put("newOwnerKey", c.newOwnerKey());
            if (c.newOwnerKey()) {
                out.put("note", "a new owner key was generated in the wallet; back it up with 'latchkey wallet export-keystore'");
            }
            return out;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Register an ERC-7579 account created elsewhere (Safe7579, Kernel v3.1 or LatchkeyAccount) that a vault owner key"
                    + " controls alone; installs SmartSession with one owner-signed operation when it is missing.")
    static final class Import extends ChainCommand {
        @Option(names = "--address", required = true, paramLabel = "ADDR", description = "The deployed account.")
        String address;

        @Option(names = "--label", defaultValue = "", description = "A name for the account.")
        String label;

        @Override
        boolean needsPassword() {
            return true;
        }

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            AccountImport.Imported i = new AccountImport(keystore, chain).run(address, label);
            Map<String, Object> out = Output.result();
            out.put("network", chain.profile().name());
            out.put("account", i.address().checksummed());
            out.put("kind", AccountKinds.name(i.kind()));
            out.put("accountId", i.accountId());
            out.put("owner", i.owner().checksummed());
            out.put("alreadyRegistered", i.alreadyRegistered());
            out.put("smartSession", i.installTransaction().isPresent() ? "installed now" : "already installed");
            i.installTransaction().ifPresent(t -> out.put("installTransaction", t));
            return out;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Address, deployed or counterfactual, balances and Aave position (no password needed).")
    static final class Show extends ChainCommand {
        @Option(names = "--account", paramLabel = "ADDR", description = "The account (default: the wallet's only one).")
        String account;

        @Override
        boolean needsPassword() {
            return false;
        }

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            AccountService accounts = new AccountService(keystore, chain);
            Map<String, Object> out = Views.account(accounts.show(Optional.ofNullable(account)));
            out.put("kind", AccountKinds.name(accounts.kind(accounts.resolve(Optional.ofNullable(account)))));
            return out;
        }
    }

    @Command(name = "fund", mixinStandardHelpOptions = true,
            description = "Devnet only: give the account ETH and test tokens from the faucet, and deploy it if needed.")
    static final class Fund extends ChainCommand {
        @Option(names = "--account", paramLabel = "ADDR", description = "The account (default: the wallet's only one).")
        String account;

        @Mixin
        FundingAmounts amounts = new FundingAmounts();

        @Override
        boolean needsPassword() {
            return false;
        }

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            Sessions.Account a = new AccountService(keystore, chain).resolve(Optional.ofNullable(account));
            AccountDeployer.Funded f = new AccountDeployer(keystore, chain).fund(a, amounts.eth, amounts.usdc, amounts.dai, amounts.weth);
            Map<String, Object> out = Output.result();
            out.put("account", f.account().checksummed());
            out.put("eth", f.amounts().eth().toPlainString());
            out.put("usdc", f.amounts().usdc().toPlainString());
            out.put("dai", f.amounts().dai().toPlainString());
            out.put("weth", f.amounts().weth().toPlainString());
            out.putAll(Views.deployment(f.deployment()));
            return out;
        }
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = "Deploy the account now: through the faucet on the devnet (no owner signature), else one owner-signed"
                    + " operation paid from the account's ETH.")
    static final class Deploy extends ChainCommand {
        @Option(names = "--account", paramLabel = "ADDR", description = "The account (default: the wallet's only one).")
        String account;

        @Override
        boolean needsPassword() {
            return !network.request().isDevnet();
        }

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            Sessions.Account a = new AccountService(keystore, chain).resolve(Optional.ofNullable(account));
            Deployment d = new AccountDeployer(keystore, chain).deploy(a);
            Map<String, Object> out = Output.result();
            out.put("account", d.account().checksummed());
            out.putAll(Views.deployment(d));
            return out;
        }
    }

}
