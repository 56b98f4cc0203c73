package dev.latchkey.aa.flow;

import dev.latchkey.aa.account.AccountEncoding;
import dev.latchkey.aa.account.AccountSetup;
import dev.latchkey.aa.account.KernelEncodings;
import dev.latchkey.aa.account.KernelStack;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Bytes32;

/** The {@link SmartAccountClient} of a new Kernel v3.1 account, its address asked from the factory. */
public final class KernelAccounts {

    private KernelAccounts() { }

    /**
     * A Kernel whose root validator is OwnableValidator with {@code owner} alone (threshold 1) and SmartSession
     * installed, created by {@code KernelFactory.createAccount(initialize(…), salt)}.
     */
    public static SmartAccountClient counterfactual(EvmClient node, ChainAddresses chain, KernelStack stack, Address owner, HexBytes salt) {
        AccountSetup.Kernel setup = new AccountSetup.Kernel(stack, chain.ownableValidator(), owner, chain.smartSession(), salt);
        String r = node.call(stack.factory().hex(), Abi.call("getAddress(bytes,bytes32)", new DynamicBytes(setup.initializer().bytes()),
                new Bytes32(salt.bytes())));
        Address address = Address.parse("account", Abi.address(r, 0));
        return new SmartAccountClient(node, chain, setup, new AccountEncoding.Kernel(chain.ownableValidator(), KernelEncodings.VERSION), address);
    }
}
