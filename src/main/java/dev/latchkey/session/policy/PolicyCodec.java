package dev.latchkey.session.policy;

import static dev.latchkey.session.codec.AbiWords.addressWord;
import static dev.latchkey.session.codec.AbiWords.smallWord;
import static dev.latchkey.session.codec.AbiWords.word;

import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.PolicyData;
import dev.latchkey.session.model.UInt;
import dev.latchkey.session.policy.Policy.TokenLimit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy init data, both ways. Encodings follow module-sdk 0.4.0 / @rhinestone/sdk (spec §6 table) and, for
 * Latchkey's policies, their Solidity sources. The decoder is strict: it accepts exactly the bytes the encoder
 * produces for some typed policy (anything else would not round-trip on a review screen).
 */
public final class PolicyCodec {

    private static final int UNI_ACTION_WORDS = 2 + 16 * 6;

    private PolicyCodec() { }

    public static HexBytes encode(Policy policy) {
        return switch (policy) {
            case Policy.Sudo s -> HexBytes.EMPTY;
            case Policy.UniversalAction u -> encodeUniAction(u);
            case Policy.SpendingLimits s -> encodeTokenArrays(s.limits(), null);
            case Policy.TimeFrame t -> HexBytes.of(concat(UInt.toBytes(BigInteger.valueOf(t.validUntil()), 6),
                    UInt.toBytes(BigInteger.valueOf(t.validAfter()), 6)));
            case Policy.UsageLimit u -> HexBytes.of(UInt.toBytes(u.limit(), 16));
            case Policy.ValueLimit v -> new AbiWords().uint(v.limit()).toHexBytes();
            case Policy.PeriodicSpendingLimit p -> encodeTokenArrays(p.limits(), p.period());
            case Policy.RateLimit r -> HexBytes.of(concat(UInt.toBytes(BigInteger.valueOf(r.maxUses()), 4),
                    UInt.toBytes(BigInteger.valueOf(r.interval()), 6)));
            case Policy.GasCostLimit g -> new AbiWords().uint(g.costLimit()).toHexBytes();
            case Policy.OperationDeadline o -> HexBytes.EMPTY;
            case Policy.Custom c -> c.initData();
        };
    }

    public static PolicyData toPolicyData(String field, Policy policy, PolicyAddresses addresses) {
        Address at = policy instanceof Policy.Custom c ? c.policy() : addresses.addressOf(field, policy.kind());
        return new PolicyData(at, encode(policy));
    }

    /** The typed policy behind on-chain policy data: unknown addresses become {@link Policy.Custom}. */
    public static Policy fromPolicyData(String field, PolicyData data, PolicyAddresses addresses) {
        Optional<PolicyKind> kind = addresses.kindAt(data.policy());
        return kind.isEmpty() ? new Policy.Custom(data.policy(), data.initData()) : decode(field, kind.get(), data.initData());
    }

    /** Decodes init data of a known kind; errors name {@code field}. */
    public static Policy decode(String field, PolicyKind kind, HexBytes initData) {
        try {
            return decodeUnchecked(field, kind, initData);
        } catch (FieldException e) {
            if (e.field().startsWith(field)) throw e;
            throw new FieldException(field + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
        } catch (ArithmeticException e) {
            throw new FieldException(field, "value out of range");
        }
    }

    private static Policy decodeUnchecked(String field, PolicyKind kind, HexBytes initData) {
        byte[] d = initData.unsafeBytes();
        Policy p = switch (kind) {
            case SUDO -> {
                requireLength(field, d, 0);
                yield new Policy.Sudo();
            }
            case UNIVERSAL_ACTION -> decodeUniAction(field, d);
            case SPENDING_LIMITS -> new Policy.SpendingLimits(decodeTokenArrays(field, d, false));
            case TIME_FRAME -> {
                requireLength(field, d, 12);
                yield new Policy.TimeFrame(AbiWords.packed(d, 0, 6).longValueExact(), AbiWords.packed(d, 6, 6).longValueExact());
            }
            case USAGE_LIMIT -> {
                requireLength(field, d, 16);
                yield new Policy.UsageLimit(AbiWords.packed(d, 0, 16));
            }
            case VALUE_LIMIT -> {
                requireLength(field, d, 32);
                yield new Policy.ValueLimit(word(field, d, 0));
            }
            case PERIODIC_SPENDING_LIMIT -> {
                long period = checkedLong(field + ".period", word(field, d, 64), 48);
                yield new Policy.PeriodicSpendingLimit(decodeTokenArrays(field, d, true), period);
            }
            case RATE_LIMIT -> {
                requireLength(field, d, 10);
                yield new Policy.RateLimit(AbiWords.packed(d, 0, 4).longValueExact(), AbiWords.packed(d, 4, 6).longValueExact());
            }
            case GAS_COST_LIMIT -> {
                requireLength(field, d, 32);
                yield new Policy.GasCostLimit(word(field, d, 0));
            }
            case OPERATION_DEADLINE -> {
                requireLength(field, d, 0);
                yield new Policy.OperationDeadline();
            }
            case CUSTOM -> throw new FieldException(field, "custom policies have no known layout");
        };
        if (!encode(p).equals(initData)) throw new FieldException(field, "non-canonical " + kind.jsonName() + " init data");
        return p;
    }

    private static HexBytes encodeUniAction(Policy.UniversalAction u) {
        AbiWords w = new AbiWords().uint(u.valueLimitPerUse()).uint(u.rules().size());
        for (int i = 0; i < 16; i++) {
            if (i < u.rules().size()) {
                ParamRule r = u.rules().get(i);
                w.uint(r.condition().ordinal()).uint(r.calldataOffset()).bool(r.usageLimit().isPresent())
                        .uint(r.referenceValue()).uint(r.usageLimit().orElse(BigInteger.ZERO)).uint(0);
            } else {
                for (int k = 0; k < 6; k++) w.uint(0);
            }
        }
        return w.toHexBytes();
    }

    private static Policy decodeUniAction(String field, byte[] d) {
        requireLength(field, d, UNI_ACTION_WORDS * 32);
        BigInteger valueLimit = word(field, d, 0);
        int length = smallWord(field + ".length", d, 32);
        if (length == 0 || length > 16) throw new FieldException(field + ".length", "must be 1..16, got " + length);
        List<ParamRule> rules = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            String rf = field + ".rules[" + i + "]";
            int base = 64 + i * 192;
            int cond = smallWord(rf + ".condition", d, base);
            BigInteger offset = UInt.check(rf + ".offset", word(rf, d, base + 32), 64);
            BigInteger limited = word(rf, d, base + 64);
            if (limited.bitLength() > 1) throw new FieldException(rf + ".isLimited", "not a bool");
            BigInteger ref = word(rf, d, base + 96);
            BigInteger limit = word(rf, d, base + 128);
            if (word(rf, d, base + 160).signum() != 0) throw new FieldException(rf + ".usage.used", "must be 0 in init data");
            rules.add(new ParamRule(ParamCondition.fromCode(rf + ".condition", cond), offset, ref,
                    limited.signum() == 1 ? Optional.of(limit) : Optional.empty()));
        }
        return new Policy.UniversalAction(valueLimit, rules);
    }

    private static HexBytes encodeTokenArrays(List<TokenLimit> limits, Long period) {
        int n = limits.size();
        int heads = period == null ? 2 : 3;
        AbiWords w = new AbiWords().uint(32L * heads).uint(32L * (heads + 1 + n));
        if (period != null) w.uint(period);
        w.uint(n);
        limits.forEach(l -> w.address(l.token()));
        w.uint(n);
        limits.forEach(l -> w.uint(l.amount()));
        return w.toHexBytes();
    }

    private static List<TokenLimit> decodeTokenArrays(String field, byte[] d, boolean withPeriod) {
        int tokensAt = smallWord(field + ".tokens", d, 0);
        int amountsAt = smallWord(field + ".limits", d, 32);
        int n = smallWord(field + ".tokens.length", d, tokensAt);
        int m = smallWord(field + ".limits.length", d, amountsAt);
        if (n != m) throw new FieldException(field, "tokens and limits differ in length: " + n + " vs " + m);
        if ((long) n * 32 > d.length) throw new FieldException(field + ".tokens.length", "too large: " + n);
        List<TokenLimit> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Address token = addressWord(field + ".tokens[" + i + "]", d, tokensAt + 32L + 32L * i);
            BigInteger amount = word(field + ".limits[" + i + "]", d, amountsAt + 32L + 32L * i);
            try {
                out.add(new TokenLimit(token, amount));
            } catch (FieldException e) {
                throw new FieldException(field + ".limits[" + i + "]." + e.field(), e.getMessage());
            }
        }
        return out;
    }

    private static void requireLength(String field, byte[] d, int expected) {
        if (d.length != expected) throw new FieldException(field, "expected " + expected + " bytes of init data, got " + d.length);
    }

    private static long checkedLong(String field, BigInteger v, int bits) {
        return UInt.check(field, v, bits).longValueExact();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
