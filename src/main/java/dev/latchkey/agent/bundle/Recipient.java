package dev.latchkey.agent.bundle;

import dev.latchkey.keystore.KdfParams;
import java.util.Arrays;

/** Who can open a bundle: whoever knows a passphrase, or the holder of one server's X25519 private key. */
public sealed interface Recipient {

    /** The passphrase is not wiped here (the caller owns it); {@code kdf} is the Argon2id cost of sealing. */
    record Passphrase(char[] passphrase, KdfParams kdf) implements Recipient {
        @Override
        public String toString() {
            return "Passphrase[<redacted>, " + kdf + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** A server's public key, as {@code latchkey agent keygen} prints it ({@link ServerKey#text}). */
    record Server(byte[] publicKey) implements Recipient {
        public Server {
            if (publicKey.length != ServerKey.KEY_BYTES) throw new IllegalArgumentException("an X25519 public key is 32 bytes");
            publicKey = publicKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Server s && Arrays.equals(s.publicKey, publicKey);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(publicKey);
        }

        @Override
        public String toString() {
            return ServerKey.text(publicKey);
        }
    }
}
