package dev.latchkey.trade.template;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.trade.catalog.CatalogFunction;
import java.math.BigInteger;
import java.util.Optional;

/** UniAction rules on named catalog arguments; offsets come from the catalog and must be rule-safe. */
final class Rules {

    private Rules() { }

    static ParamRule eq(CatalogFunction fn, String field, Address a) {
        return eq(fn, field, new BigInteger(1, a.bytes()));
    }

    static ParamRule eq(CatalogFunction fn, String field, BigInteger v) {
        return rule(ParamCondition.EQUAL, fn, field, v, Optional.empty());
    }

    static ParamRule atMost(CatalogFunction fn, String field, BigInteger max) {
        return rule(ParamCondition.LESS_THAN_OR_EQUAL, fn, field, max, Optional.empty());
    }

    /** At most {@code max} per call and at most {@code total} summed over all calls of the session. */
    static ParamRule atMost(CatalogFunction fn, String field, BigInteger max, BigInteger total) {
        return rule(ParamCondition.LESS_THAN_OR_EQUAL, fn, field, max, Optional.of(total));
    }

    static ParamRule above(CatalogFunction fn, String field, BigInteger min) {
        return rule(ParamCondition.GREATER_THAN, fn, field, min, Optional.empty());
    }

    private static ParamRule rule(ParamCondition c, CatalogFunction fn, String field, BigInteger ref, Optional<BigInteger> limit) {
        return new ParamRule(c, BigInteger.valueOf(fn.ruleOffset(field)), ref, limit);
    }
}
