package dev.latchkey.session.codec;

import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.ChainDigest;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.Erc7739Context;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.PolicyData;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Bytes4;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.utils.Numeric;

/**
 * ABI encoding of the SmartSession structs with web3j types. {@code Session} is
 * {@code (address,bytes,bytes32,(address,bytes)[],((bytes32,string[])[],(address,bytes)[]),(bytes4,address,(address,bytes)[])[],bool)}.
 */
public final class SessionAbi {

    /** The {@code Session} tuple as it appears in function signatures (selectors). */
    public static final String SESSION_TUPLE =
            "(address,bytes,bytes32,(address,bytes)[],((bytes32,string[])[],(address,bytes)[]),(bytes4,address,(address,bytes)[])[],bool)";

    private SessionAbi() { }

    /** {@code abi.encode(Session)}: begins with the 0x20 offset of the dynamic tuple. */
    public static HexBytes encode(OnchainSession s) {
        return encodeParameters(List.of(session(s)));
    }

    /** {@code abi.encode(EnableSession, bytes sessionValidatorSignature)}: the ENABLE payload before FastLZ. */
    public static HexBytes encodeEnablePayload(EnableSession e, HexBytes sessionValidatorSignature) {
        return encodeParameters(List.of(enableSession(e), new DynamicBytes(sessionValidatorSignature.bytes())));
    }

    /** Encodes top-level parameters (head/tail) as {@code abi.encode(...)} does. */
    public static HexBytes encodeParameters(List<Type> params) {
        return HexBytes.of(Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(params)));
    }

    public static DynamicStruct session(OnchainSession s) {
        return new DynamicStruct(
                address(s.sessionValidator()),
                new DynamicBytes(s.sessionValidatorInitData().bytes()),
                new Bytes32(s.salt().bytes()),
                policies(s.userOpPolicies()),
                new DynamicStruct(
                        new DynamicArray<>(DynamicStruct.class, s.erc7739Policies().allowedErc7739Content().stream().map(SessionAbi::context).toList()),
                        policies(s.erc7739Policies().erc1271Policies())),
                new DynamicArray<>(DynamicStruct.class, s.actions().stream().map(SessionAbi::action).toList()),
                new Bool(s.permitErc4337Paymaster()));
    }

    public static DynamicStruct enableSession(EnableSession e) {
        return new DynamicStruct(
                new Uint8(e.chainDigestIndex()),
                new DynamicArray<>(StaticStruct.class, e.hashesAndChainIds().stream().map(SessionAbi::chainDigest).toList()),
                session(e.sessionToEnable()),
                new DynamicBytes(e.permissionEnableSig().bytes()));
    }

    private static StaticStruct chainDigest(ChainDigest c) {
        return new StaticStruct(new Uint64(new BigInteger(Long.toUnsignedString(c.chainId()))), new Bytes32(c.sessionDigest().bytes()));
    }

    private static DynamicStruct action(ActionData a) {
        return new DynamicStruct(new Bytes4(a.actionTargetSelector().bytes()), address(a.actionTarget()), policies(a.actionPolicies()));
    }

    private static DynamicStruct context(Erc7739Context c) {
        return new DynamicStruct(new Bytes32(c.appDomainSeparator().bytes()),
                new DynamicArray<>(Utf8String.class, c.contentNames().stream().map(Utf8String::new).toList()));
    }

    private static DynamicArray<DynamicStruct> policies(List<PolicyData> ps) {
        return new DynamicArray<>(DynamicStruct.class, ps.stream().map(SessionAbi::policy).toList());
    }

    private static DynamicStruct policy(PolicyData p) {
        return new DynamicStruct(address(p.policy()), new DynamicBytes(p.initData().bytes()));
    }

    private static Address address(dev.latchkey.session.model.Address a) {
        return new Address(a.hex());
    }
}
