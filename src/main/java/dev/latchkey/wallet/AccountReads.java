package dev.latchkey.wallet;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * What an account says about itself over {@code eth_call}: ERC-7579's {@code accountId}, {@code supportsModule},
 * {@code isModuleInstalled}, its EntryPoint, and who controls it. A call that reverts (the account does not have the
 * function) reads as "no answer"; a node that does not answer at all is a network failure.
 */
final class AccountReads {

    /** Longest accountId / owner list we read: an account is not a place for unbounded data. */
    private static final int MAX_ID = 200;
    private static final int MAX_OWNERS = 64;

    private final ChainConnection chain;

    AccountReads(ChainConnection chain) {
        this.chain = chain;
    }

    /** Owners and threshold of an account, as its own contracts say. */
    record Owners(List<Address> owners, long threshold, String what) {
        String describe() {
            return what + " " + String.join(", ", owners.stream().map(Address::checksummed).toList()) + " (threshold " + threshold + ")";
        }
    }

    Optional<String> accountId(Address account) {
        return call(account, Abi.call("accountId()")).flatMap(r -> {
            try {
                HexBytes b = AccountClients.bytesResult(r);
                return b.length() == 0 || b.length() > MAX_ID ? Optional.empty() : Optional.of(new String(b.bytes(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    boolean supportsValidators(Address account) {
        return call(account, Abi.call("supportsModule(uint256)", new Uint256(1))).map(r -> word(r, 0).signum() != 0).orElse(false);
    }

    /** The account's EntryPoint: {@code entryPoint()}, or Kernel v3's lower-case {@code entrypoint()} public immutable. */
    Optional<Address> entryPoint(Address account) {
        return call(account, Abi.call("entryPoint()")).or(() -> call(account, Abi.call("entrypoint()")))
                .map(r -> Address.parse("entryPoint", Abi.address(r, 0)));
    }

    boolean isValidatorInstalled(Address account, Address module) {
        return call(account, Abi.call("isModuleInstalled(uint256,address,bytes)", new Uint256(1),
                new org.web3j.abi.datatypes.Address(module.hex()), new DynamicBytes(new byte[0])))
                .map(r -> word(r, 0).signum() != 0).orElse(false);
    }

    /**
     * The Safe's owners and threshold; an account whose Safe7579 adapter is not {@code adapter} (another build) has
     * no owners Latchkey can sign for (the adapter's address is part of the hash owners sign).
     */
    Owners safeOwners(Address safe, Address adapter) {
        boolean ours = call(safe, Abi.call("isModuleEnabled(address)", new org.web3j.abi.datatypes.Address(adapter.hex())))
                .map(r -> word(r, 0).signum() != 0).orElse(false);
        if (!ours) return new Owners(List.of(), 0, "a Safe7579 adapter other than the one at " + adapter.checksummed() + ", owners");
        List<Address> owners = call(safe, Abi.call("getOwners()")).map(AccountReads::addresses).orElse(List.of());
        long threshold = call(safe, Abi.call("getThreshold()")).map(r -> word(r, 0).longValueExact()).orElse(0L);
        return new Owners(owners, threshold, "the Safe owners");
    }

    /**
     * A Kernel's owners: those of OwnableValidator when it is the root validator ({@code rootValidator()} is
     * {@code 0x01 ‖ OwnableValidator}); any other root (ZeroDev's ECDSA validator, a passkey, a permission) has no
     * owners this wallet signs for.
     */
    Owners kernelOwners(Address account, Address validator) {
        Optional<String> root = call(account, Abi.call("rootValidator()"));
        HexBytes expected = HexBytes.of(new byte[] {1}).concat(HexBytes.of(validator.bytes()));
        boolean ours = root.map(r -> HexBytes.parse("root", r).slice(0, 21).equals(expected)).orElse(false);
        if (!ours) return new Owners(List.of(), 0, "a root validator other than OwnableValidator at " + validator.checksummed() + ", owners");
        return ownableOwners(account, validator);
    }

    /** OwnableValidator's owners of {@code account}, when the account has it installed. */
    Owners ownableOwners(Address account, Address validator) {
        if (!isValidatorInstalled(account, validator)) return new Owners(List.of(), 0, "validators other than OwnableValidator; owners");
        String acct = Abi.call("getOwners(address)", new org.web3j.abi.datatypes.Address(account.hex()));
        List<Address> owners = call(validator, acct).map(AccountReads::addresses).orElse(List.of());
        long threshold = call(validator, Abi.call("threshold(address)", new org.web3j.abi.datatypes.Address(account.hex())))
                .map(r -> word(r, 0).longValueExact()).orElse(0L);
        return new Owners(owners, threshold, "OwnableValidator owners");
    }

    private Optional<String> call(Address to, String data) {
        try {
            String r = chain.node().call(to.hex(), data);
            return r == null || r.length() < 66 ? Optional.empty() : Optional.of(r);
        } catch (RpcException e) {
            if (e.code() == 0) throw e;
            return Optional.empty();
        }
    }

    private static BigInteger word(String r, int i) {
        return Abi.word(r, i);
    }

    private static List<Address> addresses(String r) {
        int offset = word(r, 0).intValueExact() / 32;
        int n = word(r, offset).intValueExact();
        if (n > MAX_OWNERS) throw new WalletException(WalletException.Kind.STATE, "the account lists " + n + " owners; at most "
                + MAX_OWNERS + " are read");
        List<Address> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Address.of(java.util.Arrays.copyOfRange(word32(r, offset + 1 + i), 12, 32)));
        return out;
    }

    private static byte[] word32(String r, int i) {
        return HexBytes.parse("word", r).slice(i * 32, i * 32 + 32).bytes();
    }
}
