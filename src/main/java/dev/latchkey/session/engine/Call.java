package dev.latchkey.session.engine;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;

/** One call an operation makes: what the action policies see ({@code target, value, data}). */
public record Call(Address target, BigInteger value, HexBytes data) {
    public Call {
        if (target == null) throw new FieldException("target", "missing");
        UInt.check("value", value, 256);
        if (data == null) throw new FieldException("data", "missing");
    }

    public Selector selector() {
        return Selector.ofCallData(data.unsafeBytes());
    }
}
