package dev.latchkey.session.engine;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Local limits stricter than the chain, chosen by the owner. Daily caps use {@link LocalHistory} (the wallet's
 * journal), counting the current UTC day.
 *
 * @param maxValuePerOperation native value summed over the operation's calls
 * @param maxTokenPerOperation per token: ERC-20 amount moved/approved by the operation
 * @param maxTokenPerDay per token: that amount plus what the journal already counts today
 * @param maxCallsPerOperation batch size cap
 * @param minValiditySeconds refuse when a time frame ends sooner than this after {@code now} (inclusion delay)
 * @param allowUncheckedCustomPolicies whether policies unknown to the engine may pass unchecked
 */
public record SoftLimits(
        Optional<BigInteger> maxValuePerOperation,
        Map<Address, BigInteger> maxTokenPerOperation,
        Map<Address, BigInteger> maxTokenPerDay,
        OptionalInt maxCallsPerOperation,
        long minValiditySeconds,
        boolean allowUncheckedCustomPolicies) {

    public static final SoftLimits NONE = new SoftLimits(Optional.empty(), Map.of(), Map.of(), OptionalInt.empty(), 0, false);

    public SoftLimits {
        if (maxValuePerOperation == null || maxTokenPerOperation == null || maxTokenPerDay == null || maxCallsPerOperation == null) {
            throw new FieldException("softLimits", "missing field");
        }
        if (minValiditySeconds < 0) throw new FieldException("minValiditySeconds", "must not be negative");
        maxTokenPerOperation = Map.copyOf(maxTokenPerOperation);
        maxTokenPerDay = Map.copyOf(maxTokenPerDay);
    }

    /** Port to the wallet's journal of what sessions already moved. */
    public interface LocalHistory {
        /** Token amount moved or approved since {@code sinceEpochSecond}. */
        BigInteger tokenAmountSince(Address token, long sinceEpochSecond);

        LocalHistory EMPTY = (token, since) -> BigInteger.ZERO;
    }
}
