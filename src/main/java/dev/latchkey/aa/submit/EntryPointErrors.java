package dev.latchkey.aa.submit;

import dev.latchkey.chain.RpcException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Readable EntryPoint v0.7 reverts: {@code FailedOp(uint256,string)} and {@code FailedOpWithRevert(uint256,string,bytes)}. */
public final class EntryPointErrors {

    static final String FAILED_OP = "0x220266b6";
    static final String FAILED_OP_WITH_REVERT = "0x65c8fd4d";

    private EntryPointErrors() { }

    /** "FailedOp(op 0): AA24 signature error" etc.; the raw message when the data is no EntryPoint error. */
    public static String describe(RpcException e) {
        String data = e.data();
        if (data != null && data.startsWith("\"")) data = data.replace("\"", "");
        if (data == null || data.length() < 10) return e.getMessage();
        String sel = data.substring(0, 10).toLowerCase(java.util.Locale.ROOT);
        boolean withRevert = sel.equals(FAILED_OP_WITH_REVERT);
        if (!withRevert && !sel.equals(FAILED_OP)) return e.getMessage();
        try {
            String body = data.substring(10);
            BigInteger op = word(body, 0);
            int reasonAt = word(body, 1).intValueExact() * 2;
            int len = word(body.substring(reasonAt), 0).intValueExact();
            String reason = new String(hex(body.substring(reasonAt + 64, reasonAt + 64 + len * 2)), StandardCharsets.UTF_8);
            String inner = "";
            if (withRevert) {
                int innerAt = word(body, 2).intValueExact() * 2;
                int innerLen = word(body.substring(innerAt), 0).intValueExact();
                inner = " (inner revert 0x" + body.substring(innerAt + 64, innerAt + 64 + innerLen * 2) + ")";
            }
            return (withRevert ? "FailedOpWithRevert" : "FailedOp") + "(op " + op + "): " + reason + inner;
        } catch (RuntimeException malformed) {
            return e.getMessage();
        }
    }

    private static BigInteger word(String hex, int i) {
        return new BigInteger(hex.substring(i * 64, i * 64 + 64), 16);
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return out;
    }
}
