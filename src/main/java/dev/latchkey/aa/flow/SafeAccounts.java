package dev.latchkey.aa.flow;

import dev.latchkey.aa.account.AccountEncoding;
import dev.latchkey.aa.account.AccountSetup;
import dev.latchkey.aa.account.SafeEncodings;
import dev.latchkey.aa.account.SafeStack;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;

/** The {@link SmartAccountClient} of a new Safe7579 account, its address computed from the factory's proxy code. */
public final class SafeAccounts {

    private SafeAccounts() { }

    /**
     * A Safe with {@code owner} as its only owner (threshold 1), Safe7579 enabled and SmartSession installed, as
     * rhinestone's SDK creates it: {@code SafeProxyFactory.createProxyWithNonce(singleton, setup(…), saltNonce)}.
     */
    public static SmartAccountClient counterfactual(EvmClient node, ChainAddresses chain, SafeStack stack, Address owner,
                                                    BigInteger saltNonce) {
        AccountSetup.Safe7579 setup = new AccountSetup.Safe7579(stack, owner, chain.smartSession(), saltNonce);
        HexBytes initializer = SafeEncodings.initializer(stack, owner, chain.smartSession());
        Address address = SafeEncodings.proxyAddress(stack, proxyCreationCode(node, stack), initializer, saltNonce);
        return new SmartAccountClient(node, chain, setup, new AccountEncoding.Safe7579(stack.adapter()), address);
    }

    /** {@code SafeProxyFactory.proxyCreationCode()}: the proxy's creation code, part of every Safe's CREATE2 address. */
    static HexBytes proxyCreationCode(EvmClient node, SafeStack stack) {
        return bytesResult(node.call(stack.proxyFactory().hex(), Abi.call("proxyCreationCode()")));
    }

    /** The single {@code bytes} (or {@code string}) of an ABI return value. */
    public static HexBytes bytesResult(String returnData) {
        HexBytes data = HexBytes.parse("result", returnData);
        int offset = Abi.word(returnData, 0).intValueExact();
        if (offset < 0 || offset + 32 > data.length()) throw new IllegalArgumentException("malformed bytes result");
        int length = new BigInteger(1, data.slice(offset, offset + 32).bytes()).intValueExact();
        if (length > data.length() - offset - 32) throw new IllegalArgumentException("malformed bytes result");
        return data.slice(offset + 32, offset + 32 + length);
    }
}
