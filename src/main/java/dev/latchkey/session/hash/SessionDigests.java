package dev.latchkey.session.hash;

import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.ChainDigest;
import dev.latchkey.session.model.Erc7739Context;
import dev.latchkey.session.model.Erc7739Data;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.PolicyData;
import dev.latchkey.session.model.SmartSessionMode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.web3j.crypto.Hash;

/**
 * EIP-712 hashing of sessions for ENABLE mode (spec §2.3), written out for the fixed types instead of going through
 * a generic typed-data encoder. Domain {@code {name:"SmartSession", version:"1"}}; flags are derived.
 */
public final class SessionDigests {

    private static final String POLICY = "PolicyData(address policy,bytes initData)";
    private static final String ACTION = "ActionData(bytes4 actionTargetSelector,address actionTarget,PolicyData[] actionPolicies)";
    private static final String CONTEXT = "ERC7739Context(bytes32 appDomainSeparator,string[] contentName)";
    private static final String DATA = "ERC7739Data(ERC7739Context[] allowedERC7739Content,PolicyData[] erc1271Policies)";
    private static final String PERMISSIONS = "SignedPermissions(bool permitGenericPolicy,bool permitAdminAccess,"
            + "bool ignoreSecurityAttestations,bool permitERC4337Paymaster,PolicyData[] userOpPolicies,"
            + "ERC7739Data erc7739Policies,ActionData[] actions)";
    private static final String SESSION = "SignedSession(address account,SignedPermissions permissions,address sessionValidator,"
            + "bytes sessionValidatorInitData,bytes32 salt,address smartSession,uint256 nonce)";
    private static final String CHAIN_SESSION = "ChainSession(uint64 chainId,SignedSession session)";
    private static final String MULTI = "MultiChainSession(ChainSession[] sessionsAndChainIds)";

    public static final HexBytes POLICY_DATA_TYPEHASH = typeHash(POLICY);
    public static final HexBytes ACTION_DATA_TYPEHASH = typeHash(ACTION + POLICY);
    public static final HexBytes ERC7739_CONTEXT_TYPEHASH = typeHash(CONTEXT);
    public static final HexBytes ERC7739_DATA_TYPEHASH = typeHash(DATA + CONTEXT + POLICY);
    public static final HexBytes SIGNED_PERMISSIONS_TYPEHASH = typeHash(PERMISSIONS + ACTION + CONTEXT + DATA + POLICY);
    public static final HexBytes SESSION_TYPEHASH = typeHash(SESSION + ACTION + CONTEXT + DATA + POLICY + PERMISSIONS);
    public static final HexBytes CHAIN_SESSION_TYPEHASH =
            typeHash(CHAIN_SESSION + ACTION + CONTEXT + DATA + POLICY + PERMISSIONS + SESSION);
    public static final HexBytes MULTICHAIN_SESSION_TYPEHASH =
            typeHash(MULTI + ACTION + CHAIN_SESSION + CONTEXT + DATA + POLICY + PERMISSIONS + SESSION);
    public static final HexBytes DOMAIN_SEPARATOR = HexBytes.of(Hash.sha3(new AbiWords()
            .raw(keccakUtf8("EIP712Domain(string name,string version)")).raw(keccakUtf8("SmartSession")).raw(keccakUtf8("1"))
            .toBytes()));

    private SessionDigests() { }

    /** hashStruct(SignedSession): what {@code getSessionDigest} returns and each {@link ChainDigest} carries. */
    public static HexBytes sessionDigest(OnchainSession s, Address account, Address smartSession, SmartSessionMode mode, BigInteger nonce) {
        EnableFlags flags = EnableFlags.derive(s, mode);
        return keccak(new AbiWords().raw(SESSION_TYPEHASH.unsafeBytes()).address(account).raw(permissionsHash(s, flags))
                .address(s.sessionValidator()).raw(Hash.sha3(s.sessionValidatorInitData().unsafeBytes()))
                .raw(s.salt().unsafeBytes()).address(smartSession).uint(nonce).toBytes());
    }

    /** The digest the owner signs once for all chains: {@code 0x1901 ‖ domain ‖ hashStruct(MultiChainSession)}. */
    public static HexBytes multichainDigest(List<ChainDigest> chains) {
        byte[] chainHashes = concat(chains, c -> Hash.sha3(new AbiWords().raw(CHAIN_SESSION_TYPEHASH.unsafeBytes())
                .uint(new BigInteger(Long.toUnsignedString(c.chainId()))).raw(c.sessionDigest().unsafeBytes()).toBytes()));
        byte[] structHash = Hash.sha3(new AbiWords().raw(MULTICHAIN_SESSION_TYPEHASH.unsafeBytes()).raw(Hash.sha3(chainHashes)).toBytes());
        return keccak(new AbiWords().raw(new byte[] {0x19, 0x01}).raw(DOMAIN_SEPARATOR.unsafeBytes()).raw(structHash).toBytes());
    }

    static byte[] permissionsHash(OnchainSession s, EnableFlags f) {
        return Hash.sha3(new AbiWords().raw(SIGNED_PERMISSIONS_TYPEHASH.unsafeBytes())
                .bool(f.permitGenericPolicy()).bool(f.permitAdminAccess()).bool(f.ignoreSecurityAttestations())
                .bool(s.permitErc4337Paymaster()).raw(policiesHash(s.userOpPolicies()))
                .raw(erc7739DataHash(s.erc7739Policies())).raw(Hash.sha3(concat(s.actions(), SessionDigests::actionHash))).toBytes());
    }

    private static byte[] erc7739DataHash(Erc7739Data d) {
        return Hash.sha3(new AbiWords().raw(ERC7739_DATA_TYPEHASH.unsafeBytes())
                .raw(Hash.sha3(concat(d.allowedErc7739Content(), SessionDigests::contextHash)))
                .raw(policiesHash(d.erc1271Policies())).toBytes());
    }

    private static byte[] contextHash(Erc7739Context c) {
        return Hash.sha3(new AbiWords().raw(ERC7739_CONTEXT_TYPEHASH.unsafeBytes()).raw(c.appDomainSeparator().unsafeBytes())
                .raw(Hash.sha3(concat(c.contentNames(), SessionDigests::keccakUtf8))).toBytes());
    }

    private static byte[] actionHash(ActionData a) {
        return Hash.sha3(new AbiWords().raw(ACTION_DATA_TYPEHASH.unsafeBytes()).fixed(a.actionTargetSelector().bytes())
                .address(a.actionTarget()).raw(policiesHash(a.actionPolicies())).toBytes());
    }

    private static byte[] policiesHash(List<PolicyData> ps) {
        return Hash.sha3(concat(ps, p -> Hash.sha3(new AbiWords().raw(POLICY_DATA_TYPEHASH.unsafeBytes())
                .address(p.policy()).raw(Hash.sha3(p.initData().unsafeBytes())).toBytes())));
    }

    private static <T> byte[] concat(List<T> items, Function<T, byte[]> hash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.size() * 32);
        items.forEach(i -> out.writeBytes(hash.apply(i)));
        return out.toByteArray();
    }

    private static byte[] keccakUtf8(String s) {
        return Hash.sha3(s.getBytes(StandardCharsets.UTF_8));
    }

    private static HexBytes typeHash(String encodedType) {
        return HexBytes.of(keccakUtf8(encodedType));
    }

    private static HexBytes keccak(byte[] b) {
        return HexBytes.of(Hash.sha3(b));
    }
}
