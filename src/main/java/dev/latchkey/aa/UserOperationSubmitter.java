package dev.latchkey.aa;

import java.time.Duration;

/**
 * Gets a signed user operation on chain: through an ERC-4337 bundler, or by calling {@code handleOps} ourselves
 * from a funded key when no bundler is available ("direct" mode, architecture §4).
 */
public sealed interface UserOperationSubmitter permits BundlerSubmitter, DirectSubmitter {

    /** The EntryPoint (v0.7) operations go to. */
    String entryPoint();

    /** Submits {@code op} and returns its userOpHash (0x-hex). */
    String submit(PackedUserOperation op);

    /** Waits until {@code userOpHash} is included; throws {@link UserOperationException} after {@code timeout}. */
    UserOperationReceipt awaitReceipt(String userOpHash, Duration timeout);
}
