package dev.latchkey.session.wallet;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;

/** Who may sign with the session: the session validator and its configuration. */
public sealed interface Owners {

    /** module-sdk 0.4.0 {@code GLOBAL_CONSTANTS.OWNABLE_VALIDATOR_ADDRESS} (what {@code getOwnableValidator} uses). */
    Address OWNABLE_VALIDATOR = new Address("0x000000000013fdb5234e4e3162a810f54d9f7e98");
    /** module-sdk 0.4.0 {@code GLOBAL_CONSTANTS.WEBAUTHN_VALIDATOR_ADDRESS}. */
    Address WEBAUTHN_VALIDATOR = new Address("0x7ab16ff354acb328452f1d445b3ddee9a91e9e69");

    Address validator();

    /** ECDSA keys with a threshold (several accounts = multisig); OwnableValidator. */
    record Ecdsa(List<Address> accounts, int threshold, Address validator) implements Owners {
        public Ecdsa {
            if (accounts == null || accounts.isEmpty()) throw new FieldException("owners.accounts", "at least one account");
            if (accounts.size() > 32) throw new FieldException("owners.accounts", "at most 32 accounts");
            if (new HashSet<>(accounts).size() != accounts.size()) throw new FieldException("owners.accounts", "duplicate account");
            if (threshold < 1 || threshold > accounts.size()) {
                throw new FieldException("owners.threshold", "must be 1.." + accounts.size() + ", got " + threshold);
            }
            if (validator == null) throw new FieldException("owners.validator", "missing");
            accounts = List.copyOf(accounts);
        }

        public Ecdsa(List<Address> accounts, int threshold) {
            this(accounts, threshold, OWNABLE_VALIDATOR);
        }

        /** Owners sorted ascending (lower-case hex order = numeric order), as OwnableValidator requires. */
        public List<Address> sortedAccounts() {
            return accounts.stream().sorted(java.util.Comparator.comparing(Address::hex)).toList();
        }
    }

    /**
     * P-256 passkeys on WebAuthnValidator, stateless config of core-modules HEAD (spec §4.2).
     * [UNVERIFIED against a deployment: the format changed between versions.]
     */
    record Passkey(List<Credential> credentials, int threshold, boolean usePrecompile, Address validator) implements Owners {
        public Passkey {
            if (credentials == null || credentials.isEmpty()) throw new FieldException("owners.credentials", "at least one credential");
            if (threshold < 1 || threshold > credentials.size()) throw new FieldException("owners.threshold", "must be 1.." + credentials.size());
            if (validator == null) throw new FieldException("owners.validator", "missing");
            credentials = List.copyOf(credentials);
        }

        public record Credential(BigInteger pubKeyX, BigInteger pubKeyY, boolean requireUserVerification) {
            public Credential {
                dev.latchkey.session.model.UInt.check("pubKeyX", pubKeyX, 256);
                dev.latchkey.session.model.UInt.check("pubKeyY", pubKeyY, 256);
            }
        }
    }

    /** Any other stateless session validator, with its init data as given. */
    record Custom(Address validator, HexBytes initData) implements Owners {
        public Custom {
            if (validator == null) throw new FieldException("owners.validator", "missing");
            if (initData == null) throw new FieldException("owners.initData", "missing");
        }
    }
}
