package dev.latchkey.aa.execution;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;

/** One ERC-7579 call: {@code (address target, uint256 value, bytes callData)}. */
public record Execution(Address target, BigInteger value, HexBytes callData) {
    public Execution {
        if (target == null) throw new FieldException("target", "missing");
        UInt.check("value", value, 256);
        if (callData == null) throw new FieldException("callData", "missing");
    }
}
