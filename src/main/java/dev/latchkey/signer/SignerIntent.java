package dev.latchkey.signer;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.ExecuteCall;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One click (or one automation firing): the account's {@code execute} callData on {@code chainId}. {@code id} is the
 * 16-byte idempotency key; the signer never signs two operations for the same id.
 */
public record SignerIntent(byte[] id, Address account, long chainId, HexBytes callData) {

    public SignerIntent {
        if (id == null || id.length != 16) throw new IllegalArgumentException("an intent id is 16 bytes");
        if (account == null || callData == null) throw new IllegalArgumentException("account and callData are required");
        id = id.clone();
    }

    /** The usual case: one call → single, several → batch, default exec type. */
    public static SignerIntent of(byte[] id, Address account, long chainId, List<Execution> calls) {
        return new SignerIntent(id, account, chainId, Erc7579Execute.encode(calls));
    }

    /** Any mode, including those the signer refuses (for callers that already hold an encoded call). */
    public static SignerIntent of(byte[] id, Address account, long chainId, ExecuteCall call) {
        return new SignerIntent(id, account, chainId, Erc7579Execute.encode(call));
    }

    @Override
    public byte[] id() {
        return id.clone();
    }

    public String idHex() {
        return HexFormat.of().formatHex(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignerIntent other && Arrays.equals(id, other.id) && account.equals(other.account)
                && chainId == other.chainId && callData.equals(other.callData);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return "SignerIntent[" + idHex() + ", " + account + ", chain " + chainId + "]";
    }
}
