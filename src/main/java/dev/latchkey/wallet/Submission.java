package dev.latchkey.wallet;

import java.net.URI;

/** How user operations reach the chain on a network: an ERC-4337 bundler, or {@code handleOps} sent by a funded key. */
public sealed interface Submission {

    /** Through the bundler at {@code url} ({@code eth_sendUserOperation}). */
    record Bundler(URI url) implements Submission { }

    /**
     * Direct: the wallet calls {@code EntryPoint.handleOps} itself from {@code privateKeyHex}. Only the devnet offers
     * such a key (its manifest's public direct-submission key); it is still kept out of {@code toString}.
     */
    record Direct(String privateKeyHex) implements Submission {
        @Override
        public String toString() {
            return "Direct[key <redacted>]";
        }
    }

    /** Neither is configured: reading works, sending needs {@code --bundler-url}. */
    record None(String why) implements Submission { }
}
