package dev.latchkey.session.codec;

import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Erc7739Context;
import dev.latchkey.session.model.Erc7739Data;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.PolicyData;
import dev.latchkey.session.model.Selector;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The inverse of {@link SessionAbi#encode}: {@code abi.decode(data, (Session))}, strict. Offsets and lengths are
 * bounds-checked, padding must be zero, and the result must re-encode to the same bytes, so a stored session that
 * was tampered with or written by another encoder is refused instead of read differently.
 */
public final class SessionAbiReader {

    private static final int MAX_ITEMS = 1024;

    private final byte[] d;

    private SessionAbiReader(byte[] data) {
        this.d = data;
    }

    /** Decodes {@code abi.encode(Session)}; errors name the field that is wrong. */
    public static OnchainSession decode(HexBytes data) {
        byte[] bytes = data.bytes();
        SessionAbiReader r = new SessionAbiReader(bytes);
        int head = r.offset("session", 0, 0);
        OnchainSession s = r.session(head);
        if (!SessionAbi.encode(s).equals(data)) {
            throw new FieldException("session", "not the canonical ABI encoding of a Session");
        }
        return s;
    }

    private OnchainSession session(int at) {
        return new OnchainSession(
                AbiWords.addressWord("sessionValidator", d, at),
                bytes("sessionValidatorInitData", offset("sessionValidatorInitData", at, at + 32)),
                HexBytes.of(Arrays.copyOfRange(d, at + 64, at + 96)),
                policies("userOpPolicies", offset("userOpPolicies", at, at + 96)),
                erc7739(offset("erc7739Policies", at, at + 128)),
                actions(offset("actions", at, at + 160)),
                bool("permitERC4337Paymaster", at + 192));
    }

    private Erc7739Data erc7739(int at) {
        int contents = offset("allowedERC7739Content", at, at);
        int count = count("allowedERC7739Content", contents);
        List<Erc7739Context> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int e = offset("allowedERC7739Content", contents + 32, contents + 32 + 32L * i);
            out.add(new Erc7739Context(HexBytes.of(Arrays.copyOfRange(d, e, e + 32)), strings(offset("contentName", e, e + 32))));
        }
        return new Erc7739Data(out, policies("erc1271Policies", offset("erc1271Policies", at, at + 32)));
    }

    private List<ActionData> actions(int at) {
        int count = count("actions", at);
        List<ActionData> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int e = offset("actions", at + 32, at + 32 + 32L * i);
            AbiWords.word("actionTargetSelector", d, e);
            for (int b = 4; b < 32; b++) {
                if (d[e + b] != 0) throw new FieldException("actionTargetSelector", "dirty bytes4 padding");
            }
            out.add(new ActionData(Selector.of(Arrays.copyOfRange(d, e, e + 4)), AbiWords.addressWord("actionTarget", d, e + 32),
                    policies("actionPolicies", offset("actionPolicies", e, e + 64))));
        }
        return out;
    }

    private List<PolicyData> policies(String field, int at) {
        int count = count(field, at);
        List<PolicyData> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int e = offset(field, at + 32, at + 32 + 32L * i);
            out.add(new PolicyData(AbiWords.addressWord(field + ".policy", d, e), bytes(field + ".initData", offset(field, e, e + 32))));
        }
        return out;
    }

    private List<String> strings(int at) {
        int count = count("contentName", at);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] raw = bytes("contentName", offset("contentName", at + 32, at + 32 + 32L * i)).bytes();
            try {
                out.add(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(raw)).toString());
            } catch (CharacterCodingException e) {
                throw new FieldException("contentName", "not UTF-8");
            }
        }
        return out;
    }

    private HexBytes bytes(String field, int at) {
        int len = AbiWords.smallWord(field, d, at);
        if ((long) at + 32 + len > d.length) throw new FieldException(field, "truncated: " + len + " bytes at " + at);
        return HexBytes.of(Arrays.copyOfRange(d, at + 32, at + 32 + len));
    }

    private boolean bool(String field, int at) {
        BigInteger w = AbiWords.word(field, d, at);
        if (w.compareTo(BigInteger.ONE) > 0) throw new FieldException(field, "not a bool: " + w);
        return w.signum() == 1;
    }

    private int count(String field, int at) {
        int n = AbiWords.smallWord(field, d, at);
        if (n > MAX_ITEMS) throw new FieldException(field, "too many items: " + n);
        return n;
    }

    /** A relative offset read at {@code word}, resolved against {@code base}, pointing inside the data. */
    private int offset(String field, int base, long word) {
        long to = (long) base + AbiWords.smallWord(field, d, word);
        if (to + 32 > d.length) throw new FieldException(field, "offset " + to + " points outside " + d.length + " bytes");
        return (int) to;
    }
}
