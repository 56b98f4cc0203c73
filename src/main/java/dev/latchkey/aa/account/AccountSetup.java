package dev.latchkey.aa.account;

import dev.latchkey.aa.account.AccountSpec;
import dev.latchkey.chain.Abi;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/** How an account comes into existence: which factory call creates it (its initCode), if Latchkey knows one. */
public sealed interface AccountSetup {

    /** The factory of the first operation's initCode; empty for an account that already exists (imported). */
    Optional<Address> factory();

    /** The factory calldata; empty when {@link #factory()} is. */
    HexBytes factoryData();

    /** {@code LatchkeyAccountFactory.createAccount(salt, ownerValidatorInitData, smartSessionInitData)}. */
    record Latchkey(Address accountFactory, AccountSpec spec) implements AccountSetup {
        @Override
        public Optional<Address> factory() {
            return Optional.of(accountFactory);
        }

        @Override
        public HexBytes factoryData() {
            return HexBytes.parse("factoryData", Abi.call("createAccount(bytes32,bytes,bytes)", new Bytes32(spec.salt().bytes()),
                    new DynamicBytes(spec.ownerValidatorInitData().bytes()), new DynamicBytes(spec.smartSessionInitData().bytes())));
        }
    }

    /**
     * {@code SafeProxyFactory.createProxyWithNonce(singleton, initializer, saltNonce)} with the initializer of
     * {@link SafeEncodings#initializer}: one owner, threshold 1, Safe7579 enabled with SmartSession installed.
     */
    record Safe7579(SafeStack stack, Address owner, Address smartSession, BigInteger saltNonce) implements AccountSetup {
        @Override
        public Optional<Address> factory() {
            return Optional.of(stack.proxyFactory());
        }

        @Override
        public HexBytes factoryData() {
            return HexBytes.parse("factoryData", Abi.call("createProxyWithNonce(address,bytes,uint256)",
                    new org.web3j.abi.datatypes.Address(stack.singleton().hex()),
                    new DynamicBytes(SafeEncodings.initializer(stack, owner, smartSession).bytes()), new Uint256(saltNonce)));
        }
    }

    /**
     * {@code KernelFactory.createAccount(initialize(…), salt)} as ZeroDev's SDK calls it, with the initializer of
     * {@link KernelEncodings#initialize}: OwnableValidator with {@code owner} as root validator, SmartSession installed.
     */
    record Kernel(KernelStack stack, Address ownableValidator, Address owner, Address smartSession, HexBytes salt) implements AccountSetup {
        public Kernel {
            if (salt == null || salt.length() != 32) throw new dev.latchkey.session.model.FieldException("salt", "expected 32 bytes");
        }

        @Override
        public Optional<Address> factory() {
            return Optional.of(stack.factory());
        }

        @Override
        public HexBytes factoryData() {
            return HexBytes.parse("factoryData", Abi.call("createAccount(bytes,bytes32)", new DynamicBytes(initializer().bytes()),
                    new Bytes32(salt.bytes())));
        }

        /** The {@code initialize} call the factory makes on the new account (and hashes into its address). */
        public HexBytes initializer() {
            HexBytes ownerConfig = dev.latchkey.session.wallet.SessionMapper.validatorInitData(
                    new dev.latchkey.session.wallet.Owners.Ecdsa(java.util.List.of(owner), 1));
            return KernelEncodings.initialize(ownableValidator, ownerConfig, smartSession);
        }
    }

    /** An account created outside Latchkey and imported by its address: it is deployed, nothing creates it. */
    record Existing() implements AccountSetup {
        @Override
        public Optional<Address> factory() {
            return Optional.empty();
        }

        @Override
        public HexBytes factoryData() {
            return HexBytes.EMPTY;
        }
    }
}
