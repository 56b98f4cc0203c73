package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

/** The session key signs user operations and nothing else (issue 11): the hash is computed inside the handle. */
class SessionKeySigningTest {

    private static final Address ACCOUNT = new Address("0x1111111111111111111111111111111111111111");
    private static final BigInteger CHAIN = BigInteger.valueOf(31337);

    @TempDir
    Path dir;
    Keystore ks;

    @BeforeEach
    void create() throws Exception {
        ks = TestWallets.create(dir);
    }

    @AfterEach
    void close() {
        ks.close();
    }

    static UserOperation op(long nonce) {
        return UserOperation.of(ACCOUNT, BigInteger.valueOf(nonce), HexBytes.parse("callData", "0xe9ae5c53"));
    }

    @Test
    void signsTheUserOpHashItComputesItself() throws Exception {
        SessionSigner signer = ks.keys().createSessionKey("s1");
        UserOperation op = op(7);
        SessionSigner.UserOpSignature sig = signer.signUserOp(op, UserOpHash.ENTRY_POINT_V07, CHAIN);
        HexBytes expected = UserOpHash.hash(op, UserOpHash.ENTRY_POINT_V07, CHAIN);
        assertThat(sig.userOpHash()).isEqualTo(expected);
        assertThat(SecretRoundTripTest.recover(expected.bytes(), sig.signature().bytes())).isEqualTo(signer.address());
        assertThat(signer.signUserOp(op, UserOpHash.ENTRY_POINT_V07, CHAIN)).as("RFC 6979 deterministic").isEqualTo(sig);
        assertThat(signer.signUserOp(op(8), UserOpHash.ENTRY_POINT_V07, CHAIN).userOpHash()).isNotEqualTo(expected);
        assertThat(signer.signUserOp(op, UserOpHash.ENTRY_POINT_V07, BigInteger.ONE).userOpHash())
                .as("the chain is part of what is signed").isNotEqualTo(expected);
        assertThatThrownBy(() -> signer.signUserOp(op, UserOpHash.ENTRY_POINT_V07, BigInteger.ZERO))
                .isInstanceOf(KeystoreException.InvalidInputException.class);
        ks.lock();
        assertThatThrownBy(() -> signer.signUserOp(op, UserOpHash.ENTRY_POINT_V07, CHAIN)).isInstanceOf(KeystoreException.LockedException.class);
        assertThat(signer.toString()).contains("redacted");
    }

    @Test
    void aNonUserOpDigestCannotBeHandedToTheSessionKey() throws Exception {
        // A Permit2 PermitSingle digest is what a session key must never sign: no public method takes a digest.
        for (Class<?> c : List.of(SessionSigner.class, KeyVault.class)) {
            for (Method m : c.getDeclaredMethods()) {
                boolean reachable = Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
                boolean takesDigest = Arrays.stream(m.getParameterTypes()).anyMatch(t -> t == byte[].class || t == HexBytes.class);
                // importSessionKey takes the key of a shared bundle to store (issue 16), returns a handle and signs nothing
                boolean sessionKeyPath = (c == SessionSigner.class || m.getName().toLowerCase().contains("session"))
                        && !(m.getName().equals("importSessionKey") && m.getReturnType() == SessionSigner.class);
                if (reachable && sessionKeyPath) {
                    assertThat(takesDigest).as(c.getSimpleName() + "." + m.getName() + " takes a bare digest").isFalse();
                }
            }
        }
        SessionSigner signer = ks.keys().createSessionKey("s1");
        byte[] permitSingle = Hash.sha3("PermitSingle(PermitDetails details,address spender,uint256 sigDeadline)".getBytes());
        SessionSigner.UserOpSignature sig = signer.signUserOp(op(0), UserOpHash.ENTRY_POINT_V07, CHAIN);
        assertThat(SecretRoundTripTest.recover(permitSingle, sig.signature().bytes()))
                .as("what the handle signs is only ever valid for the userOpHash").isNotEqualTo(signer.address());
    }
}
