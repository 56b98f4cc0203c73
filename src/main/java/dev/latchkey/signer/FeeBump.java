package dev.latchkey.signer;

import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;

/**
 * What a fee bump did ({@link SignerService#bumpFee}): the same intent at the same sequence, re-signed with higher
 * fees, replacing the stuck operation. Either may still land — never both, they share the nonce — and the signer
 * follows both until the chain uses the sequence (docs/signer.md, "Fee bumps").
 */
public sealed interface FeeBump {

    String intentId();

    /**
     * The replacement is journaled and was sent.
     *
     * @param replaced         the userOpHash it replaces (still followed: it may land instead)
     * @param userOpHash       the replacement's hash
     * @param bundlerAnswer    empty when the bundler took it; else its words (the row stays held all the same)
     */
    record Bumped(String intentId, HexBytes replaced, HexBytes userOpHash, BigInteger maxFeePerGas,
                  BigInteger maxPriorityFeePerGas, String bundlerAnswer) implements FeeBump { }

    /** Nothing was signed or sent; {@code message} says why, in words the owner can act on. */
    record Refused(String intentId, String message) implements FeeBump { }
}
