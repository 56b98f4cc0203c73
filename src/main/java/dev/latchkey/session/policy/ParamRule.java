package dev.latchkey.session.policy;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;
import java.util.Optional;

/**
 * One UniActionPolicy rule: compare the 32-byte calldata word at {@code 4 + calldataOffset} (unsigned) with
 * {@code referenceValue}; when {@code usageLimit} is present, the sum of the words over all uses is capped.
 * For {@code IN_RANGE} the reference is {@code uint128(min) << 128 | uint128(max)}, inclusive.
 */
public record ParamRule(ParamCondition condition, BigInteger calldataOffset, BigInteger referenceValue, Optional<BigInteger> usageLimit) {
    public ParamRule {
        if (condition == null) throw new FieldException("condition", "missing");
        UInt.check("calldataOffset", calldataOffset, 64);
        UInt.check("referenceValue", referenceValue, 256);
        if (usageLimit == null) throw new FieldException("usageLimit", "missing");
        usageLimit.ifPresent(l -> UInt.check("usageLimit", l, 256));
    }
}
