package dev.latchkey.wallet;

import dev.latchkey.aa.account.AccountEncoding;
import dev.latchkey.aa.account.AccountSetup;
import dev.latchkey.aa.account.SafeEncodings;
import dev.latchkey.aa.account.SafeStack;
import dev.latchkey.aa.flow.SmartAccountClient;
import dev.latchkey.chain.Abi;
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
            default -> chain.account(AccountSpecs.spec(owner, salt));
        };
    }

    /** An account that exists already (imported): no factory, the kind's encoding. */
    static SmartAccountClient existing(ChainConnection chain, AccountKind kind, Address address) {
        return new SmartAccountClient(chain.node(), chain.profile().chainAddresses(), new AccountSetup.Existing(),
                AccountKinds.encoding(kind, chain.profile()), address);
    }

    /**
     * A Safe with {@code owner} as its only owner (threshold 1), Safe7579 enabled and SmartSession installed, as
     * rhinestone's SDK creates it: {@code SafeProxyFactory.createProxyWithNonce(singleton, setup(…), saltNonce)}.
     */
    static SmartAccountClient safe(ChainConnection chain, Address owner, BigInteger saltNonce) {
        SafeStack stack = AccountKinds.safe(chain.profile());
        chain.requireCode("SafeProxyFactory", stack.proxyFactory());
        chain.requireCode("Safe7579", stack.adapter());
        AccountSetup.Safe7579 setup = new AccountSetup.Safe7579(stack, owner, chain.profile().smartSession(), saltNonce);
        HexBytes initializer = SafeEncodings.initializer(stack, owner, chain.profile().smartSession());
        Address address = SafeEncodings.proxyAddress(stack, proxyCreationCode(chain, stack), initializer, saltNonce);
        return new SmartAccountClient(chain.node(), chain.profile().chainAddresses(), setup,
                new AccountEncoding.Safe7579(stack.adapter()), address);
    }

    /** {@code SafeProxyFactory.proxyCreationCode()}: the proxy's creation code, part of every Safe's CREATE2 address. */
    private static HexBytes proxyCreationCode(ChainConnection chain, SafeStack stack) {
        String r = chain.node().call(stack.proxyFactory().hex(), Abi.call("proxyCreationCode()"));
        return bytesResult(r);
    }

    /** The single {@code bytes} of an ABI return value. */
    static HexBytes bytesResult(String returnData) {
        HexBytes data = HexBytes.parse("result", returnData);
        int offset = Abi.word(returnData, 0).intValueExact();
        if (offset < 0 || offset + 32 > data.length()) throw new WalletException(WalletException.Kind.STATE, "malformed bytes result");
        int length = new BigInteger(1, data.slice(offset, offset + 32).bytes()).intValueExact();
        if (length > data.length() - offset - 32) throw new WalletException(WalletException.Kind.STATE, "malformed bytes result");
        return data.slice(offset + 32, offset + 32 + length);
    }
}
