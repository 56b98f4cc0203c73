package dev.latchkey.session.codec;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.Selector;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;

/** PermissionId / ActionId / policy ids / ConfigId (spec §1.2). */
public final class Ids {

    public static final HexBytes FALLBACK_ACTION_ID = actionId(dev.latchkey.session.model.ActionData.FALLBACK_TARGET, Selector.FALLBACK);
    public static final HexBytes FALLBACK_ACTION_ID_SMART_SESSION =
            actionId(dev.latchkey.session.model.ActionData.FALLBACK_TARGET, Selector.FALLBACK_SMART_SESSION);
    private static final byte[] ERC1271_PREFIX = "ERC1271: ".getBytes(StandardCharsets.US_ASCII);

    private Ids() { }

    /** {@code keccak256(abi.encode(address sessionValidator, bytes sessionValidatorInitData, bytes32 salt))}. */
    public static HexBytes permissionId(OnchainSession s) {
        byte[] init = s.sessionValidatorInitData().unsafeBytes();
        AbiWords w = new AbiWords().address(s.sessionValidator()).uint(96).raw(s.salt().unsafeBytes()).uint(init.length);
        w.raw(init).raw(new byte[(32 - init.length % 32) % 32]);
        return keccak(w.toBytes());
    }

    /** {@code keccak256(abi.encodePacked(address target, bytes4 selector))}. */
    public static HexBytes actionId(Address target, Selector selector) {
        return keccak(concat(target.bytes(), selector.bytes()));
    }

    public static HexBytes actionPolicyId(HexBytes permissionId, HexBytes actionId) {
        return keccak(concat(permissionId.unsafeBytes(), actionId.unsafeBytes()));
    }

    public static HexBytes erc1271PolicyId(HexBytes permissionId) {
        return keccak(concat(ERC1271_PREFIX, permissionId.unsafeBytes()));
    }

    /** {@code keccak256(abi.encodePacked(address account, bytes32 xPolicyId))}: the key policies store state under. */
    public static HexBytes configId(Address account, HexBytes policyId) {
        return keccak(concat(account.bytes(), policyId.unsafeBytes()));
    }

    static HexBytes keccak(byte[] data) {
        return HexBytes.of(Hash.sha3(data));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
