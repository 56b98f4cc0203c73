package dev.latchkey.aa.execution;

import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * ERC-7579 {@code execute} calldata (spec §7.3): encoder, and a strict decoder that accepts only the canonical
 * encoding (what {@link #encode} produces) and never reads out of bounds. Errors are {@link FieldException}s.
 */
public final class Erc7579Execute {

    public static final HexBytes SELECTOR = HexBytes.parse("selector", "0xe9ae5c53");

    private Erc7579Execute() { }

    /** One call → single; several → batch (as @rhinestone/sdk). Exec type default (revert on error). */
    public static HexBytes encode(List<Execution> calls) {
        if (calls.isEmpty()) throw new FieldException("executions", "at least one call");
        return calls.size() == 1 ? encode(new ExecuteCall(ExecutionMode.of(ExecutionMode.CALL_SINGLE), calls))
                : encode(new ExecuteCall(ExecutionMode.of(ExecutionMode.CALL_BATCH), calls));
    }

    public static HexBytes encode(ExecuteCall call) {
        byte[] inner = switch (call.mode().callType()) {
            case ExecutionMode.CALL_SINGLE, ExecutionMode.CALL_STATIC -> {
                if (call.executions().size() != 1) throw new FieldException("executions", "single call expects exactly one execution");
                Execution e = call.executions().get(0);
                yield new AbiWords().raw(e.target().bytes()).uint(e.value()).raw(e.callData().unsafeBytes()).toBytes();
            }
            case ExecutionMode.CALL_DELEGATE -> {
                if (call.executions().size() != 1) throw new FieldException("executions", "delegatecall expects exactly one execution");
                Execution e = call.executions().get(0);
                yield new AbiWords().raw(e.target().bytes()).raw(e.callData().unsafeBytes()).toBytes();
            }
            case ExecutionMode.CALL_BATCH -> encodeBatch(call.executions());
            default -> throw new FieldException("mode", "unknown call type " + call.mode().callType());
        };
        AbiWords w = new AbiWords().raw(SELECTOR.unsafeBytes()).raw(call.mode().word().unsafeBytes()).uint(64).uint(inner.length);
        return w.raw(inner).raw(new byte[pad(inner.length)]).toHexBytes();
    }

    private static byte[] encodeBatch(List<Execution> es) {
        List<byte[]> elements = es.stream().map(e -> {
            byte[] d = e.callData().unsafeBytes();
            return new AbiWords().address(e.target()).uint(e.value()).uint(96).uint(d.length).raw(d).raw(new byte[pad(d.length)]).toBytes();
        }).toList();
        AbiWords w = new AbiWords().uint(32).uint(es.size());
        long offset = 32L * es.size();
        for (byte[] el : elements) {
            w.uint(offset);
            offset += el.length;
        }
        elements.forEach(w::raw);
        return w.toBytes();
    }

    public static ExecuteCall decode(HexBytes callData) {
        byte[] d = callData.unsafeBytes();
        if (d.length < 4 + 96) throw new FieldException("callData", "too short for execute(bytes32,bytes): " + d.length + " bytes");
        for (int i = 0; i < 4; i++) {
            if (d[i] != SELECTOR.unsafeBytes()[i]) throw new FieldException("callData.selector", "not execute(bytes32,bytes)");
        }
        ExecutionMode mode = new ExecutionMode(HexBytes.of(java.util.Arrays.copyOfRange(d, 4, 36)));
        if (AbiWords.word("callData.executionCalldata.offset", d, 36).compareTo(BigInteger.valueOf(64)) != 0) {
            throw new FieldException("callData.executionCalldata.offset", "must be 0x40");
        }
        int len = AbiWords.smallWord("callData.executionCalldata.length", d, 68);
        if ((long) 100 + len + pad(len) != d.length) throw new FieldException("callData", "length does not match the encoded bytes");
        requireZero("callData.executionCalldata.padding", d, 100 + len, d.length);
        byte[] inner = java.util.Arrays.copyOfRange(d, 100, 100 + len);
        List<Execution> executions = switch (mode.callType()) {
            case ExecutionMode.CALL_SINGLE, ExecutionMode.CALL_STATIC -> {
                if (inner.length < 52) throw new FieldException("callData.executionCalldata", "single call shorter than 52 bytes");
                yield List.of(new Execution(Address.of(java.util.Arrays.copyOfRange(inner, 0, 20)),
                        AbiWords.packed(inner, 20, 32), HexBytes.of(java.util.Arrays.copyOfRange(inner, 52, inner.length))));
            }
            case ExecutionMode.CALL_DELEGATE -> {
                if (inner.length < 20) throw new FieldException("callData.executionCalldata", "delegatecall shorter than 20 bytes");
                yield List.of(new Execution(Address.of(java.util.Arrays.copyOfRange(inner, 0, 20)), BigInteger.ZERO,
                        HexBytes.of(java.util.Arrays.copyOfRange(inner, 20, inner.length))));
            }
            case ExecutionMode.CALL_BATCH -> decodeBatch(inner);
            default -> throw new FieldException("callData.mode", "unknown call type 0x" + Integer.toHexString(mode.callType()));
        };
        return new ExecuteCall(mode, executions);
    }

    private static List<Execution> decodeBatch(byte[] d) {
        String f = "callData.executions";
        if (AbiWords.word(f + ".offset", d, 0).compareTo(BigInteger.valueOf(32)) != 0) throw new FieldException(f + ".offset", "must be 0x20");
        int n = AbiWords.smallWord(f + ".length", d, 32);
        if ((long) n * 32 + 64 > d.length) throw new FieldException(f + ".length", "too large: " + n);
        List<Execution> out = new ArrayList<>(n);
        long expected = 32L * n;
        int base = 64;
        for (int i = 0; i < n; i++) {
            String ef = f + "[" + i + "]";
            long off = AbiWords.smallWord(ef + ".offset", d, base + 32L * i);
            if (off != expected) throw new FieldException(ef + ".offset", "non-canonical offset " + off);
            long at = base + off;
            Address target = AbiWords.addressWord(ef + ".target", d, at);
            BigInteger value = AbiWords.word(ef + ".value", d, at + 32);
            if (AbiWords.word(ef + ".callData.offset", d, at + 64).compareTo(BigInteger.valueOf(96)) != 0) {
                throw new FieldException(ef + ".callData.offset", "must be 0x60");
            }
            int len = AbiWords.smallWord(ef + ".callData.length", d, at + 96);
            long start = at + 128;
            long end = start + len + pad(len);
            if (end > d.length) throw new FieldException(ef + ".callData", "runs past the end of the batch");
            requireZero(ef + ".callData.padding", d, (int) (start + len), (int) end);
            out.add(new Execution(target, value, HexBytes.of(java.util.Arrays.copyOfRange(d, (int) start, (int) start + len))));
            expected += end - at;
        }
        if (base + expected != d.length) throw new FieldException(f, "trailing bytes after the last execution");
        return out;
    }

    private static void requireZero(String field, byte[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            if (d[i] != 0) throw new FieldException(field, "non-zero padding");
        }
    }

    private static int pad(int len) {
        return (32 - len % 32) % 32;
    }
}
