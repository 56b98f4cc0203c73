package dev.latchkey.ui.common;

/** Where the wallet's first owner key comes from. Secret arrays are wiped by the keystore once used. */
public sealed interface OwnerKeySource {

    /** A fresh random key generated inside the vault. */
    record Generate() implements OwnerKeySource {
    }

    /** A 32-byte private key as hex, with or without {@code 0x}. */
    record PrivateKeyHex(char[] hex) implements OwnerKeySource {
    }

    /** A BIP-39 recovery phrase; the key at m/44'/60'/0'/0/0 is imported, the words are not stored. */
    record Mnemonic(char[] words, char[] passphrase) implements OwnerKeySource {
    }

    /** An Ethereum keystore v3 JSON file's content and the password it was encrypted with. */
    record KeystoreV3(String json, char[] password) implements OwnerKeySource {
    }
}
