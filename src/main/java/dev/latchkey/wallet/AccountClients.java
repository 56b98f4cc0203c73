package dev.latchkey.wallet;

import dev.latchkey.aa.account.AccountSetup;
import dev.latchkey.aa.flow.KernelAccounts;
import dev.latchkey.aa.flow.SafeAccounts;
import dev.latchkey.aa.account.KernelStack;
import dev.latchkey.aa.account.SafeStack;
import dev.latchkey.aa.flow.SmartAccountClient;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;

/** The {@link SmartAccountClient} of each account kind on one connection: address, initCode and encoding. */
final class AccountClients {

    private AccountClients() { }

    /** A new account of {@code kind} for {@code owner} with the factory salt {@code salt}. */
    static SmartAccountClient counterfactual(ChainConnection chain, AccountKind kind, Address owner, HexBytes salt) {
        AccountKinds.requireSupported(kind);
        return switch (kind) {
            case SAFE7579 -> safe(chain, owner, new BigInteger(1, salt.bytes()));
            case KERNEL -> kernel(chain, owner, salt);
            default -> chain.account(AccountSpecs.spec(owner, salt));
        };
    }

    /** An account that exists already (imported): no factory, the kind's encoding. */
    static SmartAccountClient existing(ChainConnection chain, AccountKind kind, Address address) {
        return new SmartAccountClient(chain.node(), chain.profile().chainAddresses(), new AccountSetup.Existing(),
                AccountKinds.encoding(kind, chain.profile()), address);
    }

    /** A new Safe7579 account of {@code owner} ({@link SafeAccounts#counterfactual}) on this network's stack. */
    static SmartAccountClient safe(ChainConnection chain, Address owner, BigInteger saltNonce) {
        SafeStack stack = AccountKinds.safe(chain.profile());
        chain.requireCode("SafeProxyFactory", stack.proxyFactory());
        chain.requireCode("Safe7579", stack.adapter());
        return SafeAccounts.counterfactual(chain.node(), chain.profile().chainAddresses(), stack, owner, saltNonce);
    }

    /** A new Kernel v3.1 account of {@code owner} ({@link KernelAccounts#counterfactual}) on this network's factory. */
    static SmartAccountClient kernel(ChainConnection chain, Address owner, HexBytes salt) {
        KernelStack stack = AccountKinds.kernel(chain.profile());
        chain.requireCode("KernelFactory", stack.factory());
        chain.requireCode("Kernel", stack.implementation());
        return KernelAccounts.counterfactual(chain.node(), chain.profile().chainAddresses(), stack, owner, salt);
    }

    /** The single {@code bytes} of an ABI return value. */
    static HexBytes bytesResult(String returnData) {
        try {
            return SafeAccounts.bytesResult(returnData);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new WalletException(WalletException.Kind.STATE, e.getMessage(), e);
        }
    }
}
