package dev.latchkey.aa.submit;

import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.time.Duration;

/**
 * Gets a signed EntryPoint v0.7 user operation on chain: through an ERC-4337 bundler, or by calling
 * {@code handleOps} ourselves from a funded key when no bundler is available ("direct" mode, architecture §4).
 */
public sealed interface UserOperationSubmitter permits BundlerSubmitter, DirectSubmitter {

    /** The EntryPoint (v0.7) operations go to. */
    Address entryPoint();

    /** Submits {@code op} and returns its userOpHash. */
    HexBytes submit(UserOperation op);

    /** Waits until {@code userOpHash} is included; throws {@link UserOperationException} after {@code timeout}. */
    UserOperationReceipt awaitReceipt(HexBytes userOpHash, Duration timeout);
}
