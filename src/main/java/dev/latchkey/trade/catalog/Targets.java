package dev.latchkey.trade.catalog;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import java.math.BigInteger;

/** Call targets a session or a built trade must never have (security.md R8). */
public final class Targets {

    /** Precompiles live at 0x01..0x0a (0x100 for RIP-7212); everything up to 0xffff is treated as reserved. */
    private static final BigInteger RESERVED_MAX = BigInteger.valueOf(0xffff);

    private Targets() { }

    public static boolean isPrecompileOrZero(Address a) {
        return new BigInteger(1, a.bytes()).compareTo(RESERVED_MAX) <= 0;
    }

    /** Throws unless {@code target} is an ordinary contract: not zero/precompile, the account, EntryPoint or SmartSession. */
    public static Address requireAllowed(String field, Address target, Address account, TradeNetwork network) {
        if (target == null) throw new FieldException(field, "missing");
        if (isPrecompileOrZero(target)) throw new FieldException(field, "zero or precompile address " + target + " is never a target");
        if (target.equals(account)) throw new FieldException(field, "the account itself is never a target");
        if (target.equals(network.entryPoint())) throw new FieldException(field, "the EntryPoint is never a target");
        if (target.equals(network.smartSession())) throw new FieldException(field, "SmartSession is never a target");
        return target;
    }
}
