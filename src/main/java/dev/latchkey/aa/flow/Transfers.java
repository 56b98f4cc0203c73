package dev.latchkey.aa.flow;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;

/** ERC-20 calls from user input, validated field by field (a bad field throws FieldException naming it). */
public final class Transfers {

    public static final Selector TRANSFER = new Selector("0xa9059cbb");

    private Transfers() { }

    /** {@code token.transfer(recipient, amount)}; {@code amount} in raw token units, decimal or 0x-hex. */
    public static Execution erc20(String token, String recipient, String amount) {
        return erc20(Address.parse("token", token), Address.parse("recipient", recipient), UInt.parse("amount", amount, 256));
    }

    public static Execution erc20(Address token, Address recipient, BigInteger amount) {
        UInt.check("amount", amount, 256);
        HexBytes data = HexBytes.of(TRANSFER.bytes()).concat(new AbiWords().address(recipient).uint(amount).toHexBytes());
        return new Execution(token, BigInteger.ZERO, data);
    }
}
